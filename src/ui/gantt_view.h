// The Gantt timeline (进度图): each project's planned span, actual span and milestones (planned
// against actual, late ones in red) on a time axis in years, months and weeks, with a today line;
// zoom (buttons, the wheel over the axis, Ctrl+wheel) and scroll in time (drag, Shift+wheel); the
// same projects as the projects table under its filter, in its order, list-clipped for 10,000 rows.
// Hovering shows exact dates; double-clicking a row opens the project's editor.
// Layout from core/gantt.h; this file only draws it with ImDrawList.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app.h"
#include "commands.h"
#include "core/gantt.h"

namespace kpl::ui {

// What the view remembers between frames.
struct GanttView {
    // The chart, rebuilt when the ledger, the rows or today change.
    GanttChart chart;
    std::vector<int> chart_rows;
    uint64_t chart_generation = ~uint64_t(0);
    Date chart_today;
    // The time window; set to the ledger's year for each newly opened file.
    GanttViewport viewport;
    uint64_t viewport_file = ~uint64_t(0);
    // Dragging in time (on the rows' timeline or on the axis).
    bool dragging = false;
    bool drag_moved = false;             // past the drag threshold: the release selects nothing
    float drag_from_x = 0;
    GanttViewport drag_start;
    // What the mouse was over in the last frame (kpl.state().gantt.hover).
    GanttHitKind hover_kind = GanttHitKind::None;
    int hover_row = -1;
    int hover_milestone = -1;
    // The mouse is over the axis or the rows' chart part, where Ctrl+wheel zooms (last drawn frame;
    // cleared by the app in frames the view is not drawn). The app passes it to the page.
    bool ctrl_wheel_zooms = false;
};

// `rows`: the projects the table shows (indices into ledger.projects, in its order).
void DrawGanttView(const AppState& state, GanttView& view, const std::vector<int>& rows, CommandList& commands,
                   float reserve_bottom);

// kpl.state().gantt (docs/browser-contract.md): rows, the visible days, the zoom, the hovered item.
nlohmann::json GanttStateJson(const GanttView& view);

} // namespace kpl::ui
