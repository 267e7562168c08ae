// Summary figures of a ledger (what `ledgertool stats` prints and the table's totals row shows).
// Core module: standard library only.
#pragma once
#include <cstddef>
#include <optional>

#include "model.h"

namespace kpl {

// Investment a project completed in the ledger's year up to and including `through` (all of the
// year's reports when `through` is absent).
Money CompletedThisYear(const Project& project, int year, std::optional<YearMonth> through);
// Latest report on or before `through` (or the latest at all), nullptr when none.
const MonthlyReport* LatestReport(const Project& project, std::optional<YearMonth> through);
bool IsOpen(ProblemState state);  // not closed out

struct LedgerSummary {
    std::size_t project_count = 0;
    std::size_t completion_target_count = 0;
    Money annual_plan;               // sum of projects' plan_wan
    Money completed_this_year;       // sum of CompletedThisYear through meta.as_of
    std::size_t problem_count = 0;
    std::size_t open_problem_count = 0;
};

LedgerSummary Summarize(const Ledger& ledger);

} // namespace kpl
