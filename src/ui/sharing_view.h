// Sharing between departments in the File menu and its windows: export a report package, import
// packages (any number, any order) with the import summary and the conflicts dialog (base, mine,
// theirs, who and when, side by side). The merge is core/merge.h's.
// UI module: ImGui, core.
#pragma once
#include "app.h"
#include "commands.h"
#include "platform/platform.h"

namespace kpl::ui {

// What the menu items and windows remember between frames.
struct SharingView {
};

// Items of the File menu (call inside it).
void DrawSharingFileItems(const AppState& state, SharingView& view, CommandList& commands);
// The windows those items opened (call every frame inside the main window).
void DrawSharingWindows(const AppState& state, SharingView& view, CommandList& commands);
// A file chosen for the "package" purpose (always taken; errors are shown by the module), or a
// dropped file: returns whether it was recognised as a package and taken.
bool OnSharingFile(const AppState& state, SharingView& view, const platform::OpenedFile& file, CommandList& commands);

} // namespace kpl::ui
