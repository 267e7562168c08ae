// Summary figures of a ledger: counts, this year's plan and completed investment, open problems.
#include "summary.h"

namespace kpl {

namespace {

bool IsWithin(YearMonth month, std::optional<YearMonth> through)
{
    return !through || month <= *through;
}

} // namespace

Money CompletedThisYear(const Project& project, int year, std::optional<YearMonth> through)
{
    Money total;
    for (const MonthlyReport& report : project.reports)
        if (report.month.year == year && IsWithin(report.month, through))
            total += report.investment;
    return total;
}

const MonthlyReport* LatestReport(const Project& project, std::optional<YearMonth> through)
{
    // Reports are kept in month order, but a hand-edited file may not be: look at all of them.
    const MonthlyReport* latest = nullptr;
    for (const MonthlyReport& report : project.reports)
        if (IsWithin(report.month, through) && (!latest || latest->month < report.month))
            latest = &report;
    return latest;
}

bool IsOpen(ProblemState state)
{
    return state != ProblemState::Closed;
}

LedgerSummary Summarize(const Ledger& ledger)
{
    LedgerSummary s;
    s.project_count = ledger.projects.size();
    for (const Project& project : ledger.projects) {
        if (project.completion_target)
            ++s.completion_target_count;
        s.annual_plan += project.plan;
        s.completed_this_year += CompletedThisYear(project, ledger.meta.year, ledger.meta.as_of);
    }
    s.problem_count = ledger.problems.size();
    for (const Problem& problem : ledger.problems)
        if (IsOpen(problem.state))
            ++s.open_problem_count;
    return s;
}

} // namespace kpl
