// The views of "never lose work": the notice after work was restored at start, the version history
// window, and the Save As name prompt (for browsers without a save picker). They draw what
// Workspace (autosave.h) knows and call its actions. UI module: ImGui.
#pragma once
#include "app.h"
#include "autosave.h"

namespace kpl::ui {

// Call inside the frame, after the main window: each is its own top-level window or popup.
void DrawRecoveryViews(AppState& state, Workspace& workspace);

} // namespace kpl::ui
