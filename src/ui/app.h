// The app's state and its actions: the open ledger, its file name, the dirty flag, the last load's
// findings and whether the dialog showing them is open; opening (LoadLedger, then replace only on
// success), saving (SaveLedger, then download), and executing the views' commands.
// UI module, no ImGui: depends on core and platform; views read this, never write it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
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

struct AppState {
    std::optional<Ledger> ledger;         // the open ledger; replaced only by a successful load
    std::string file_name;                // its file's name, "" when none is open
    bool dirty = false;                   // changed since opened or saved (editing: issue 3)
    LedgerSummary summary;                // derived from `ledger`
    ProjectTable table;                   // derived from `ledger`
    uint64_t ledger_generation = 0;       // bumped whenever `ledger` is replaced
    uint64_t load_count = 0;              // attempts to open a file so far
    LoadReport last_load;                 // the last attempt to open a file, failed or not
    LoadReport open_file_report;          // the attempt that opened the current ledger
    bool report_dialog_open = false;      // the dialog listing a load report
    bool dialog_shows_open_file = false;  // it lists open_file_report rather than last_load
    uint64_t frame_count = 0;             // frames drawn (not skipped by the idle policy)
    bool redraw_requested = false;        // something changed between frames
};

// Loads `bytes` as a ledger file named `name`. On success the open ledger is replaced; on failure
// it stays as it was and the error dialog opens. Returns whether the file was opened.
bool OpenLedgerFile(AppState& state, const std::string& name, std::string_view bytes);

// Records that a file could not be read at all (the browser failed, or the bundled demo is
// missing): the dialog opens with that message, the open ledger is kept.
void ReportUnreadableFile(AppState& state, const std::string& name, StrId message);

// The bytes File › Save writes: SaveLedger of the open ledger, "" when none is open.
std::string SavedBytes(const AppState& state);

// File › Save: downloads <name>.json and clears the dirty flag.
void SaveToDownload(AppState& state);

void ExecuteCommands(AppState& state, CommandList& commands);

// The report the dialog lists.
const LoadReport& DialogReport(const AppState& state);

// The state the page reports through kpl.state() (docs/browser-contract.md).
nlohmann::json StateJson(const AppState& state);

} // namespace kpl::ui
