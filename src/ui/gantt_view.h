// The Gantt timeline (进度图): each project's milestones, planned against actual, on a month axis
// with a today line; zoom and scroll; the same projects as the projects table under its filter.
// Layout from core/gantt.h; this file only draws it with ImDrawList and shows hover values.
// UI module: ImGui, core.
#pragma once
#include <vector>

#include "app.h"
#include "commands.h"

namespace kpl::ui {

// What the view remembers between frames.
struct GanttView {
};

// `rows`: the projects the table shows (indices into ledger.projects, in its order).
void DrawGanttView(const AppState& state, GanttView& view, const std::vector<int>& rows, CommandList& commands,
                   float reserve_bottom);

} // namespace kpl::ui
