// The main menu bar (File › Open, File › Save) and its keyboard shortcuts Ctrl+O / Ctrl+S.
// UI module: ImGui; emits commands, acts on nothing itself.
#pragma once
#include "app.h"
#include "commands.h"

namespace kpl::ui {

// Call inside a window created with ImGuiWindowFlags_MenuBar.
void DrawMainMenu(const AppState& state, CommandList& commands);

// The command for Ctrl (Cmd) + `letter`: 'O' open, 'S' save (a no-op with no ledger). The platform
// delivers these keys as they happen (platform::AppCallbacks::shortcut), not through ImGui.
bool CommandForShortcut(char letter, const AppState& state, Command& command);

} // namespace kpl::ui
