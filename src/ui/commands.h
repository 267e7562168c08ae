// What views ask the app to do. Views read the state and append commands; the app executes them
// after the frame is drawn, so no view mutates the ledger or talks to the platform directly.
// Edits carry a function over the EditHistory: one command per user action, one undo step.
// UI module: standard library and core.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/edit.h"

namespace kpl::ui {

enum class CommandKind {
    OpenFile,          // File › Open, Ctrl+O: show the browser's file picker
    SaveFile,          // File › Save, Ctrl+S: download the ledger as <name>.json
    ShowLoadReport,    // open the dialog listing the last load's errors and warnings
    CloseLoadReport,   // the dialog's OK button, Escape
    Edit,              // `edit` applied to the history (refused edits leave their reason in the state)
    Undo,              // Edit › Undo, Ctrl+Z
    Redo,              // Edit › Redo, Ctrl+Y, Ctrl+Shift+Z
    SetChinese,        // View › Language
    SetEnglish,
    ShowProjects,      // the view tabs
    ShowProblems,
    SelectProject,     // `id`: select it (and open the editor when `open_editor`)
    CloseEditor,
    FocusSearch,       // Ctrl+F
    SaveFileAs,        // File › Save As, Ctrl+Shift+S (autosave.h, Workspace::BeginSaveAs)
    ShowVersions,      // File › Version history (recovery_view.cpp)
    PickFile,          // the file picker for `id` (a purpose: "package", "sheet"), accepting `text`
                       // (".json"), several files when `multiple`; files arrive in AppUi::OnFileOpened
    Download,          // hands `text` to the user as a download named `id`, of type `mime`
    ShowDashboard,     // the view tabs (issue 4)
    ShowGantt,
    DrillDown,         // the projects view shows only `ids` (a figure's projects), titled `text`;
                       // empty `ids` and `text` clear it
    // --- further kinds: add below, one line each, with a comment
};

// An edit: calls one EditHistory command with the context (who, when) the app supplies.
using EditFn = std::function<EditResult(EditHistory&, const EditContext&)>;

struct Command {
    CommandKind kind;
    EditFn edit = {};
    std::string id = {};
    bool open_editor = false;
    std::string text = {};
    std::vector<std::string> ids = {};
    std::string mime = {};
    bool multiple = false;
};

using CommandList = std::vector<Command>;

} // namespace kpl::ui
