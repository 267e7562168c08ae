// What views ask the app to do. Views read the state and append commands; the app executes them
// after the frame is drawn, so no view mutates the ledger or talks to the platform directly.
// Editing commands (issue 3) join this list and go through core's edit commands and undo.
// UI module: standard library only.
#pragma once
#include <vector>

namespace kpl::ui {

enum class CommandKind {
    OpenFile,          // File › Open, Ctrl+O: show the browser's file picker
    SaveFile,          // File › Save, Ctrl+S: download the ledger as <name>.json
    ShowLoadReport,    // open the dialog listing the last load's errors and warnings
    CloseLoadReport,   // the dialog's OK button, Escape
};

struct Command {
    CommandKind kind;
};

using CommandList = std::vector<Command>;

} // namespace kpl::ui
