// The dashboard (总览): the chosen month's key figures, each clickable down to its projects; the
// S-curve of planned and actual investment with the 序时进度 line; plan-vs-completed bars by district
// and by department; status and warning breakdowns. Layouts come from core/charts.h; this file only
// draws them with ImDrawList and shows hover values.
// UI module: ImGui, core.
#pragma once
#include "app.h"
#include "commands.h"

namespace kpl::ui {

// What the view remembers between frames.
struct DashboardView {
};

// Fills the rest of the current window's height minus `reserve_bottom` pixels.
void DrawDashboard(const AppState& state, DashboardView& view, CommandList& commands, float reserve_bottom);

} // namespace kpl::ui
