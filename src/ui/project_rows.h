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

// `missing` is shown for a percentage that cannot be computed (zero plan).
ProjectTable BuildProjectTable(const Ledger& ledger, const CollationFn& collate, const char* missing);

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
