// The projects view: a filter bar (district, department, city leader, status, category, completion
// target, free text focused by Ctrl+F), the actions on the selected project (edit, add, remove), and
// the table: any core column, shown, hidden and reordered through the app's own Chinese column menu,
// sorted by core's SortProjects, with a totals row over the filtered rows (core's SumProjects);
// frozen header, 序号 and 名称 columns; list-clipped for 10,000 rows.
// UI module: ImGui; draws the records of project_rows.h and core's query results, computes no figure.
#pragma once
#include <cstdint>
#include <string>
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
};

// Fills the rest of the current window's height minus `reserve_bottom` pixels.
void DrawProjectsView(const AppState& state, ProjectsTableView& view, CommandList& commands, float reserve_bottom);

} // namespace kpl::ui
