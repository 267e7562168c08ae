// The projects view: a filter bar (district, department, city leader, status, category, completion
// target, free text focused by Ctrl+F), a drill-down chip when a figure narrowed the rows to its
// projects ("仅显示：… ✕ 清除"), the actions on the selected project (edit, add, remove), and
// the table: any core column, shown, hidden and reordered through the app's own Chinese column menu,
// sorted by core's SortProjects, with a totals row over the filtered rows (core's SumProjects);
// frozen header, 序号 and 名称 columns; list-clipped for 10,000 rows.
// UI module: ImGui; draws the records of project_rows.h and core's query results, computes no figure.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app.h"
#include "commands.h"
#include "core/query.h"
#include "project_rows.h"

namespace kpl::ui {

// What the view remembers between frames.
struct ProjectsTableView {
    ProjectFilter filter;
    ProjectIndex index;                  // search text per project, rebuilt per ledger state
    std::vector<SortKey> sort_keys;
    std::vector<int> rows;               // ledger rows passing the filter, in display order
    ProjectTotals totals;                // over `rows`
    uint64_t rows_generation = 0;        // ledger generation `rows` was built for
    bool rows_stale = true;              // the filter or the sort changed
    uint64_t measured_for = ~uint64_t(0);  // file generation + language the widths were measured for
    float widest[static_cast<int>(ProjectColumn::Count)] = {};
    bool visible[static_cast<int>(ProjectColumn::Count)] = {};
    bool visibility_set = false;
    bool apply_visibility = true;        // push `visible` into the table on the next frame
    uint64_t focus_seen = 0;             // the last Ctrl+F request served
    bool confirm_remove = false;
    // The drill-down (AppState::drill_down_*) `rows` were narrowed by; another one rebuilds them.
    bool drill_applied = false;
    std::vector<std::string> drill_ids_applied;
    // The filter bar's choices, (ID, name), for the ledger generation `choices_generation`: listing
    // the categories scans every project, too slow for every frame of a 10,000-project ledger.
    uint64_t choices_generation = ~uint64_t(0);
    std::vector<std::pair<std::string, std::string>> district_choices, department_choices, leader_choices,
        category_choices;
};

// Brings `view.rows` and the totals up to date with the ledger, the filter, the sort and the
// drill-down. Drawing the view does it; other views showing the same rows (the timeline) call it too.
void UpdateProjectRows(const AppState& state, ProjectsTableView& view);

// Fills the rest of the current window's height minus `reserve_bottom` pixels.
void DrawProjectsView(const AppState& state, ProjectsTableView& view, CommandList& commands, float reserve_bottom);

} // namespace kpl::ui
