// The app's state and its actions: the open ledger with its undo history (core EditHistory), its
// file name, the last load's findings and whether the dialog showing them is open; opening (LoadLedger,
// then replace only on success), saving, executing the views' commands (edits, undo, redo).
// UI module, no ImGui: depends on core and platform; views read this and emit commands, never write it.
//
// For code outside the views (autosave, recovery, main_web.cpp), the small API is:
//   HasLedger(state), CurrentLedger(state)   the open ledger (nullptr / false when none)
//   IsDirty(state)                           changes not in any file (EditHistory::IsDirty)
//   LedgerGeneration(state)                  changes whenever the ledger does (edit, undo, open...)
//   state.file_name                          the file's name ("" when none)
//   OpenLedgerFile(state, name, bytes)       a file: replaces the ledger, saved, undo cleared
//   RestoreLedger(state, ledger, name)       restored work: replaces the ledger, NOT saved
//   MarkLedgerSaved(state, name)             the current state is now in file `name`
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/edit.h"
#include "core/ledger_json.h"
#include "core/summary.h"
#include "project_rows.h"
#include "strings.h"

namespace kpl::ui {

// What the last attempt to open a file found.
struct LoadReport {
    std::string file_name;
    bool succeeded = false;
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    bool errors_truncated = false;
};

// The views of the main window, switched by tabs.
enum class ActiveView { Projects, Problems, Dashboard, Gantt };

struct AppState {
    // --- the open ledger: the only copy, inside its undo history (history.ledger())
    EditHistory history;
    bool has_ledger = false;              // false until a file (or restored work) is opened
    std::string file_name;                // its file's name, "" when none is open
    uint64_t file_generation = 0;         // bumped when another ledger replaces it (open, restore)
    std::string editor_unit;              // who edits: stamped into changed records (may be "")

    // --- derived from the ledger; RefreshDerived() rebuilds them when the generation moves
    LedgerSummary summary;
    ProjectTable table;
    CollationMemo collation_memo;         // the table's collation ranks, kept across edits
    uint64_t derived_generation = 0;

    // --- loading
    uint64_t load_count = 0;              // attempts to open a file so far
    LoadReport last_load;                 // the last attempt to open a file, failed or not
    LoadReport open_file_report;          // the attempt that opened the current ledger
    bool report_dialog_open = false;      // the dialog listing a load report
    bool dialog_shows_open_file = false;  // it lists open_file_report rather than last_load

    // --- what the views share (and kpl.state() reports)
    ActiveView active_view = ActiveView::Projects;
    std::string selected_project_id;      // the project the table selects and the editor shows
    bool editor_open = false;             // the project editor panel
    std::size_t filtered_project_count = 0;  // rows the projects table shows under its filter
    uint64_t focus_search_request = 0;    // bumped by Ctrl+F: the active view focuses its search
    EditLabel refused_label;              // the last edit refused, and why (cleared by the next edit)
    std::vector<Diagnostic> refused_errors;
    EditResult last_edit;                 // the last edit's result (new IDs, warnings)
    // A drill-down from a figure (dashboard, reports): the projects view shows only these projects
    // until cleared; `drill_down_title` says what they are ("投资完成率 分子 · 2016年9月").
    bool drill_down_active = false;
    std::string drill_down_title;
    std::vector<std::string> drill_down_ids;

    // --- asked of the workspace (autosave.h), which acts on them between frames
    uint64_t save_as_requests = 0;        // File › Save As chosen
    uint64_t versions_requests = 0;       // File › Version history chosen

    uint64_t frame_count = 0;             // frames drawn (not skipped by the idle policy)
    bool redraw_requested = false;        // something changed between frames
};

inline bool HasLedger(const AppState& state) { return state.has_ledger; }
inline const Ledger* CurrentLedger(const AppState& state) { return state.has_ledger ? &state.history.ledger() : nullptr; }
inline bool IsDirty(const AppState& state) { return state.has_ledger && state.history.IsDirty(); }
inline uint64_t LedgerGeneration(const AppState& state) { return state.history.Generation(); }

// Loads `bytes` as a ledger file named `name`. On success the open ledger is replaced (saved, no
// undo); on failure it stays as it was and the error dialog opens. Returns whether it was opened.
bool OpenLedgerFile(AppState& state, const std::string& name, std::string_view bytes);

// Work brought back from the browser's storage: replaces the open ledger, marked unsaved (it is in
// no file), undo cleared.
void RestoreLedger(AppState& state, Ledger ledger, const std::string& name);

// The current state is what file `name` now holds (after Save / Save As): clears the dirty flag.
void MarkLedgerSaved(AppState& state, const std::string& name);

// Records that a file could not be read at all (the browser failed, or the bundled demo is
// missing): the dialog opens with that message, the open ledger is kept.
void ReportUnreadableFile(AppState& state, const std::string& name, StrId message);

// The bytes File › Save writes: SaveLedger of the open ledger, "" when none is open.
std::string SavedBytes(const AppState& state);

// File › Save: downloads <name>.json and marks the ledger saved.
void SaveToDownload(AppState& state);

// Rebuilds what is derived from the ledger (summary, table rows) when it changed. Cheap otherwise.
void RefreshDerived(AppState& state);

// "Today" for deadlines: the real date, but not after the last day of the ledger's as-of month, so a
// historical ledger (as of 2016-06) is judged as of its own month rather than years later.
Date LedgerToday(const AppState& state);

// The wall clock as ISO 8601 in UTC ("2026-11-26T09:30:00Z"): record stamps, a package's exported_at.
std::string UtcTimestamp();

void ExecuteCommands(AppState& state, CommandList& commands);

// The report the dialog lists.
const LoadReport& DialogReport(const AppState& state);

// The state the page reports through kpl.state() (docs/browser-contract.md).
nlohmann::json StateJson(const AppState& state);

} // namespace kpl::ui
