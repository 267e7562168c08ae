// The 报表 menu and its windows: the monthly bulletin (一月一通报), the quarterly dispatch
// (一季一调度), rankings and the interview list (三约谈), the annual assessment (年度考核) with the
// office's qualitative scores, and the campaign calendar; each previewed and downloaded as HTML or
// CSV. The documents come from core/bulletin.h and core/ranking.h.
// UI module: ImGui, core.
#pragma once
#include "app.h"
#include "commands.h"

namespace kpl::ui {

// What the menu and windows remember between frames.
struct ReportsView {
};

// A top-level menu of the main menu bar.
void DrawReportsMenu(const AppState& state, ReportsView& view, CommandList& commands);
// The windows the menu opened (call every frame inside the main window).
void DrawReportsWindows(const AppState& state, ReportsView& view, CommandList& commands);

} // namespace kpl::ui
