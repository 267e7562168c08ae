// The load report dialog: when a file fails to open, lists every error with its location (JSON
// path, or line and column for malformed JSON) in a scrollable list, then the warnings; also shows
// the open file's warnings on request. UI module: ImGui; emits commands.
#pragma once
#include "app.h"
#include "commands.h"

namespace kpl::ui {

void DrawLoadReportDialog(const AppState& state, CommandList& commands);

} // namespace kpl::ui
