// The app's actions: open (replace only on success), save (download), execute view commands,
// and report the state to the page.
#include "app.h"

#include <utility>

#include "format.h"
#include "platform/platform.h"

namespace kpl::ui {

namespace {

void ReplaceLedger(AppState& state, Ledger ledger, const std::string& name)
{
    state.summary = Summarize(ledger);
    state.table = BuildProjectTable(ledger, platform::CollationRanks, Tr(StrId::NoValue));
    state.ledger = std::move(ledger);
    state.file_name = name;
    state.dirty = false;
    ++state.ledger_generation;
}

nlohmann::json DiagnosticTexts(const std::vector<Diagnostic>& diagnostics)
{
    nlohmann::json texts = nlohmann::json::array();
    for (const Diagnostic& d : diagnostics)
        texts.push_back(d.ToString());
    return texts;
}

} // namespace

bool OpenLedgerFile(AppState& state, const std::string& name, std::string_view bytes)
{
    LoadResult result = LoadLedger(bytes);
    ++state.load_count;
    state.last_load = LoadReport{};
    state.last_load.file_name = name;
    state.last_load.succeeded = result.ok();
    state.last_load.errors = std::move(result.errors);
    state.last_load.warnings = std::move(result.warnings);
    state.last_load.errors_truncated = result.errors_truncated;
    state.redraw_requested = true;
    if (!result.ledger) {
        state.report_dialog_open = true;
        state.dialog_shows_open_file = false;
        return false;
    }
    ReplaceLedger(state, std::move(*result.ledger), name);
    state.open_file_report = state.last_load;
    // A dialog about an earlier failure no longer applies; warnings of this file are reachable
    // from the status bar without interrupting the user.
    state.report_dialog_open = false;
    return true;
}

void ReportUnreadableFile(AppState& state, const std::string& name, StrId message)
{
    ++state.load_count;
    state.last_load = LoadReport{};
    state.last_load.file_name = name;
    Diagnostic diagnostic;
    diagnostic.message_zh = TrIn(message, Language::Chinese);
    diagnostic.message_en = TrIn(message, Language::English);
    state.last_load.errors.push_back(std::move(diagnostic));
    state.report_dialog_open = true;
    state.dialog_shows_open_file = false;
    state.redraw_requested = true;
}

std::string SavedBytes(const AppState& state)
{
    return state.ledger ? SaveLedger(*state.ledger) : std::string();
}

void SaveToDownload(AppState& state)
{
    if (!state.ledger)
        return;
    const std::string bytes = SaveLedger(*state.ledger);
    platform::Download(DownloadName(state.file_name), bytes, "application/json");
    state.dirty = false;
    state.redraw_requested = true;
}

void ExecuteCommands(AppState& state, CommandList& commands)
{
    for (const Command& command : commands) {
        switch (command.kind) {
        case CommandKind::OpenFile: platform::OpenFilePicker(); break;
        case CommandKind::SaveFile: SaveToDownload(state); break;
        case CommandKind::ShowLoadReport:
            state.report_dialog_open = true;
            state.dialog_shows_open_file = true;
            break;
        case CommandKind::CloseLoadReport: state.report_dialog_open = false; break;
        }
        state.redraw_requested = true;
    }
    commands.clear();
}

const LoadReport& DialogReport(const AppState& state)
{
    return state.dialog_shows_open_file ? state.open_file_report : state.last_load;
}

nlohmann::json StateJson(const AppState& state)
{
    nlohmann::json j;
    j["title"] = state.ledger ? state.ledger->meta.title : std::string();
    j["project_count"] = state.ledger ? state.ledger->projects.size() : 0;
    j["row_count"] = state.table.rows.size();
    j["file_name"] = state.file_name;
    j["dirty"] = state.dirty;
    j["frame_count"] = state.frame_count;
    j["error_dialog_open"] = state.report_dialog_open;
    j["errors"] = DiagnosticTexts(state.last_load.errors);
    j["warnings"] = DiagnosticTexts(state.last_load.warnings);
    return j;
}

} // namespace kpl::ui
