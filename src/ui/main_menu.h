// The main menu bar (File, Edit with undo / redo, View with the view switch and the language) and
// the keyboard shortcuts Ctrl+O / Ctrl+S / Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z / Ctrl+F.
// UI module: ImGui; emits commands, acts on nothing itself.
#pragma once
#include <functional>

#include "app.h"
#include "commands.h"

namespace kpl::ui {

// What other modules add to the bar: items of the File menu (import and export), whole menus after
// View (报表). Each draws ImGui menu items.
struct MenuExtensions {
    std::function<void()> file_items;
    std::function<void()> menus;
};

// Call inside a window created with ImGuiWindowFlags_MenuBar.
void DrawMainMenu(const AppState& state, CommandList& commands, const MenuExtensions& extensions);

// The command for Ctrl (Cmd) + `letter` ('O' open, 'S' save, 'Z' undo, 'Y' redo, 'F' search), or
// with Shift ('Z' redo). The platform delivers these keys as they happen
// (platform::AppCallbacks::shortcut), not through ImGui. Undo / redo are not taken while a text
// field is being edited: ImGui's own text undo applies there.
bool CommandForShortcut(char letter, bool shift, const AppState& state, Command& command);

} // namespace kpl::ui
