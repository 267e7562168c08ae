// The projects table as plain records: one row per project with its display texts and sort keys
// computed once per ledger, the totals row, and sorting. The view (projects_table.cpp) only draws
// these records, so what the table shows can be checked without a GPU.
// UI module, no ImGui: standard library and core only.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace kpl::ui {

enum class ProjectColumn {
    Seq,          // 序号: position in the ledger
    Name,         // 名称
    District,     // 县市区
    Department,   // 服务责任部门
    Leader,       // 市级领导
    Plan,         // 年度计划(万元)
    Completed,    // 本年完成(万元), through meta.as_of
    Percent,      // 完成比例: completed / plan
    Status,       // 状态
    Target,       // 竣工目标
    Count
};

struct ProjectRow {
    int seq = 0;                      // 1-based position in the ledger
    std::string id;
    std::string name, district, department, leader;
    Money plan, completed;
    std::optional<double> percent;    // absent when the plan is zero
    ProjectStatus status = ProjectStatus::NotStarted;
    bool completion_target = false;
    std::string plan_text, completed_text, percent_text;  // formatted once, drawn every frame
    // collation ranks of the text columns (pinyin order in the browser)
    uint32_t name_rank = 0, district_rank = 0, department_rank = 0, leader_rank = 0;
};

struct ProjectTotals {
    int project_count = 0;
    int target_count = 0;
    Money plan, completed;
    std::optional<double> percent;
    std::string plan_text, completed_text, percent_text;
};

struct ProjectTable {
    std::vector<ProjectRow> rows;     // in ledger order
    ProjectTotals totals;
};

// Ranks strings in display order (platform::CollationRanks in the app).
using CollationFn = std::function<std::vector<uint32_t>(const std::vector<std::string>&)>;

// `missing` is shown for a percentage that cannot be computed (zero plan).
ProjectTable BuildProjectTable(const Ledger& ledger, const CollationFn& collate, const char* missing);

struct SortKey {
    ProjectColumn column = ProjectColumn::Seq;
    bool descending = false;
};

// Fills `order` with row indices in display order. Numbers sort numerically, text by collation
// rank, status in its natural progression; rows without a percentage sort last either way; ties
// keep ledger order.
void SortRows(const ProjectTable& table, const std::vector<SortKey>& keys, std::vector<int>& order);

} // namespace kpl::ui
