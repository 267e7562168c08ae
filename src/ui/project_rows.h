// The projects table as plain records: one row per project with its display texts computed once per
// ledger state, the collation ranks of its text columns (pinyin order, for core's SortProjects), and
// the totals row's texts from core's SumProjects. Filtering, sorting and totals are core's (query.h);
// the view (projects_table.cpp) only draws these records, so what it shows can be checked without a GPU.
// UI module, no ImGui: standard library and core only.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "core/query.h"

namespace kpl::ui {

struct ProjectRow {
    int seq = 0;                      // 1-based position in the ledger
    std::string id;
    std::string code, name, category, district, department, leader;
    std::optional<double> percent;    // of plan; absent when the plan is zero
    ProjectStatus status = ProjectStatus::NotStarted;
    bool completion_target = false;
    // formatted once, drawn every frame
    std::string plan_text, completed_text, percent_text, total_text, funds_rate_text, latest_text;
};

struct ProjectTotals {
    int project_count = 0;
    int target_count = 0;
    std::optional<double> percent;
    std::string plan_text, completed_text, percent_text, total_text, funds_rate_text;
};

struct ProjectTable {
    std::vector<ProjectRow> rows;     // in ledger order
    // Per column (index: kpl::ProjectColumn), a rank per row for the text columns, empty for others.
    std::vector<uint32_t> ranks[static_cast<int>(ProjectColumn::Count)];
};

// Ranks strings in display order (platform::CollationRanks in the app).
using CollationFn = std::function<std::vector<uint32_t>(const std::vector<std::string>&)>;

// What BuildProjectTable last had the collator rank, per text column: each string's rank among the
// strings ranked with it. The browser's collator over 10,000 names is the costly part of the table;
// with the memo an edit that leaves a column's strings as they were (or only drops some) ranks it
// from the memo, without the collator, and an edit that brings a new string hands the collator the
// column in its known order with the new strings last, which its sort runs through almost linearly.
// Ranks are the collator's either way: they depend only on which strings are ranked, not on order.
struct CollationMemo {
    std::unordered_map<std::string, uint32_t> ranks[static_cast<int>(ProjectColumn::Count)];
    std::size_t collator_calls = 0;     // for tests and the performance notes
    std::size_t strings_collated = 0;
};

// `missing` is shown for a percentage that cannot be computed (zero plan). `memo` (optional) is
// kept by the caller from one build to the next.
ProjectTable BuildProjectTable(const Ledger& ledger, const CollationFn& collate, const char* missing,
                               CollationMemo* memo = nullptr);

// The totals row's texts for core's sums over the rows shown.
ProjectTotals FormatTotals(const ProjectSums& sums, const char* missing);

// Sorts `rows` (indices into ledger.projects) by the keys, the first deciding most, through core's
// SortProjects with the table's collation ranks for text columns. Ties keep the incoming order.
struct SortKey {
    ProjectColumn column = ProjectColumn::Seq;
    bool descending = false;
};
void SortTableRows(const Ledger& ledger, const ProjectTable& table, const std::vector<SortKey>& keys,
                   std::vector<int>& rows);

} // namespace kpl::ui
