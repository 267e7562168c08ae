// The projects table view: name, district, department, city leader, plan, completed this year,
// % of plan, status and completion target, with a pinned totals row; sortable by any column,
// resizable, frozen header and name column, list-clipped for 10,000 rows.
// UI module: ImGui; draws the records of project_rows.h, computes no figure itself.
#pragma once
#include <cstdint>
#include <vector>

#include "app.h"
#include "project_rows.h"

namespace kpl::ui {

// What the view remembers between frames: the display order and the selected row.
struct ProjectsTableView {
    uint64_t generation = ~uint64_t(0);  // ledger generation `order` was built for
    std::vector<SortKey> sort_keys;
    std::vector<int> order;              // row indices in display order
    int selected_seq = 0;                // 序号 of the selected project, 0 for none
    uint64_t measured_generation = ~uint64_t(0);
    float widest[static_cast<int>(ProjectColumn::Count)] = {};  // widest content per column
};

// Fills the rest of the current window's height minus `reserve_bottom` pixels.
void DrawProjectsTable(const AppState& state, ProjectsTableView& view, float reserve_bottom);

} // namespace kpl::ui
