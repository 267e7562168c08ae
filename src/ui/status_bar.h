// The status line at the bottom of the window: the open file, unsaved changes (● 未保存), why the
// last edit was refused, the last load's check result (click the warnings to list them). UI module: ImGui; emits commands.
#pragma once
#include "app.h"
#include "commands.h"

namespace kpl::ui {

float StatusBarHeight();
void DrawStatusBar(const AppState& state, CommandList& commands);

} // namespace kpl::ui
