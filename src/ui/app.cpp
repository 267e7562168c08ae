// The app's actions: open (replace only on success), restore, save, execute view commands (edits,
// undo, redo through core's EditHistory), keep the derived table current, report to the page.
#include "app.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <utility>

#include "format.h"
#include "platform/platform.h"

namespace kpl::ui {

namespace {

void ReplaceLedger(AppState& state, Ledger ledger, const std::string& name, bool saved)
{
    state.history.Reset(std::move(ledger), saved);
    state.has_ledger = true;
    state.file_name = name;
    ++state.file_generation;
    state.selected_project_id.clear();
    state.editor_open = false;
    // A drill-down lists projects of the ledger being replaced.
    state.drill_down_active = false;
    state.drill_down_title.clear();
    state.drill_down_ids.clear();
    state.refused_errors.clear();
    state.last_edit = EditResult{};
    state.derived_generation = 0;
    RefreshDerived(state);
    state.redraw_requested = true;
}

nlohmann::json DiagnosticTexts(const std::vector<Diagnostic>& diagnostics)
{
    nlohmann::json texts = nlohmann::json::array();
    for (const Diagnostic& d : diagnostics)
        texts.push_back(d.ToString());
    return texts;
}

void RunEdit(AppState& state, const EditFn& edit, bool open_editor)
{
    if (!state.has_ledger || !edit)
        return;
    EditContext context;
    context.actor = state.editor_unit;
    context.timestamp = UtcTimestamp();
    EditResult result = edit(state.history, context);
    if (!result.errors.empty()) {
        state.refused_errors = result.errors;
    } else {
        state.refused_errors.clear();
        if (result.applied && !result.id.empty() && FindProject(state.history.ledger(), result.id)) {
            state.selected_project_id = result.id;
            state.editor_open = state.editor_open || open_editor;
        }
    }
    state.last_edit = std::move(result);
    // A removed project can no longer be shown.
    if (!state.selected_project_id.empty() && !FindProject(state.history.ledger(), state.selected_project_id)) {
        state.selected_project_id.clear();
        state.editor_open = false;
    }
    RefreshDerived(state);
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
    ReplaceLedger(state, std::move(*result.ledger), name, true);
    state.open_file_report = state.last_load;
    // A dialog about an earlier failure no longer applies; warnings of this file are reachable
    // from the status bar without interrupting the user.
    state.report_dialog_open = false;
    return true;
}

void RestoreLedger(AppState& state, Ledger ledger, const std::string& name)
{
    ReplaceLedger(state, std::move(ledger), name, false);
}

void MarkLedgerSaved(AppState& state, const std::string& name)
{
    state.history.MarkSaved();
    state.file_name = name;
    state.redraw_requested = true;
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
    return state.has_ledger ? SaveLedger(state.history.ledger()) : std::string();
}

void SaveToDownload(AppState& state)
{
    if (!state.has_ledger)
        return;
    const std::string name = DownloadName(state.file_name);
    const uint64_t generation = state.history.Generation();
    AppState* app = &state;
    // Back into the opened file where the browser allows it (File System Access), else a download.
    // The answer comes before the next frame; edits made meanwhile stay unsaved.
    platform::SaveFile(name, SaveLedger(state.history.ledger()), false,
                       [app, generation, name](bool ok, const std::string& /*saved_name*/) {
                           if (!ok)
                               return;
                           if (app->history.Generation() == generation)
                               MarkLedgerSaved(*app, app->file_name.empty() ? name : app->file_name);
                           app->redraw_requested = true;
                       });
}

void RefreshDerived(AppState& state)
{
    if (!state.has_ledger || state.derived_generation == state.history.Generation())
        return;
    const Ledger& ledger = state.history.ledger();
    state.summary = Summarize(ledger);
    state.table = BuildProjectTable(ledger, platform::CollationRanks, Tr(StrId::NoValue), &state.collation_memo);
    state.derived_generation = state.history.Generation();
}

// The wall clock as ISO 8601 in UTC, for record stamps ("2026-11-26T09:30:00Z").
std::string UtcTimestamp()
{
    const std::time_t seconds = static_cast<std::time_t>(std::floor(platform::WallClockMs() / 1000.0));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Date LedgerToday(const AppState& state)
{
    Date today = Date::Parse(platform::LocalTimeText(platform::WallClockMs()).substr(0, 10))
                     .value_or(Date{2000, 1, 1});
    if (state.has_ledger) {
        const LedgerMeta& meta = state.history.ledger().meta;
        if (meta.as_of && meta.as_of->LastDay() < today)
            today = meta.as_of->LastDay();
    }
    return today;
}

void ExecuteCommands(AppState& state, CommandList& commands)
{
    // Commands may append further commands (none do today); iterate by index on a moved list.
    CommandList list = std::move(commands);
    commands.clear();
    for (const Command& command : list) {
        switch (command.kind) {
        case CommandKind::OpenFile: platform::OpenFilePicker(); break;
        case CommandKind::PickFile: platform::OpenFilePicker(command.id, command.text, command.multiple); break;
        case CommandKind::Download: platform::Download(command.id, command.text, command.mime.c_str()); break;
        case CommandKind::ShowDashboard: state.active_view = ActiveView::Dashboard; break;
        case CommandKind::ShowGantt: state.active_view = ActiveView::Gantt; break;
        case CommandKind::DrillDown:
            state.drill_down_active = !command.ids.empty() || !command.text.empty();
            state.drill_down_title = command.text;
            state.drill_down_ids = command.ids;
            if (state.drill_down_active)
                state.active_view = ActiveView::Projects;
            break;
        case CommandKind::SaveFile: SaveToDownload(state); break;
        case CommandKind::SaveFileAs: ++state.save_as_requests; break;
        case CommandKind::ShowVersions: ++state.versions_requests; break;
        case CommandKind::ShowLoadReport:
            state.report_dialog_open = true;
            state.dialog_shows_open_file = true;
            break;
        case CommandKind::CloseLoadReport: state.report_dialog_open = false; break;
        case CommandKind::Edit: RunEdit(state, command.edit, command.open_editor); break;
        case CommandKind::Undo:
            if (state.history.Undo()) {
                state.refused_errors.clear();
                RefreshDerived(state);
            }
            break;
        case CommandKind::Redo:
            if (state.history.Redo()) {
                state.refused_errors.clear();
                RefreshDerived(state);
            }
            break;
        case CommandKind::SetChinese:
            SetLanguage(Language::Chinese);
            state.derived_generation = 0;  // "—" and the like come from the catalogue
            RefreshDerived(state);
            break;
        case CommandKind::SetEnglish:
            SetLanguage(Language::English);
            state.derived_generation = 0;
            RefreshDerived(state);
            break;
        case CommandKind::ShowProjects: state.active_view = ActiveView::Projects; break;
        case CommandKind::ShowProblems: state.active_view = ActiveView::Problems; break;
        case CommandKind::SelectProject:
            state.selected_project_id = command.id;
            if (command.open_editor)
                state.editor_open = !command.id.empty();
            break;
        case CommandKind::CloseEditor: state.editor_open = false; break;
        case CommandKind::FocusSearch: ++state.focus_search_request; break;
        }
        state.redraw_requested = true;
    }
    // After an undo the selected project may be gone.
    if (state.has_ledger && !state.selected_project_id.empty() &&
        !FindProject(state.history.ledger(), state.selected_project_id)) {
        state.selected_project_id.clear();
        state.editor_open = false;
    }
}

const LoadReport& DialogReport(const AppState& state)
{
    return state.dialog_shows_open_file ? state.open_file_report : state.last_load;
}

nlohmann::json StateJson(const AppState& state)
{
    const Ledger* ledger = CurrentLedger(state);
    nlohmann::json j;
    j["title"] = ledger ? ledger->meta.title : std::string();
    j["project_count"] = ledger ? ledger->projects.size() : 0;
    j["row_count"] = state.table.rows.size();
    j["file_name"] = state.file_name;
    j["dirty"] = IsDirty(state);
    j["frame_count"] = state.frame_count;
    j["error_dialog_open"] = state.report_dialog_open;
    j["errors"] = DiagnosticTexts(state.last_load.errors);
    j["warnings"] = DiagnosticTexts(state.last_load.warnings);

    // Editing (issue 3).
    const EditLabel* undo = state.history.UndoLabel();
    const EditLabel* redo = state.history.RedoLabel();
    const bool english = CurrentLanguage() == Language::English;
    j["undo_label"] = undo ? (english ? undo->en : undo->zh) : std::string();
    j["redo_label"] = redo ? (english ? redo->en : redo->zh) : std::string();
    j["language"] = english ? "en" : "zh";
    switch (state.active_view) {
    case ActiveView::Projects: j["active_view"] = "projects"; break;
    case ActiveView::Problems: j["active_view"] = "problems"; break;
    case ActiveView::Dashboard: j["active_view"] = "dashboard"; break;
    case ActiveView::Gantt: j["active_view"] = "gantt"; break;
    }
    j["drill_down"] = state.drill_down_active ? nlohmann::json{{"title", state.drill_down_title},
                                                               {"ids", state.drill_down_ids}}
                                              : nlohmann::json();
    j["filtered_row_count"] = state.filtered_project_count;
    j["selected_project_id"] = state.selected_project_id;
    j["editor_open"] = state.editor_open;
    j["refused"] = DiagnosticTexts(state.refused_errors);
    j["revision"] = ledger ? ledger->revision : 0;
    j["today"] = LedgerToday(state).ToString();
    nlohmann::json by_state = nlohmann::json::object();
    nlohmann::json open = nlohmann::json::array();
    if (ledger) {
        for (ProblemState s : {ProblemState::Assigned, ProblemState::Accepted, ProblemState::Feedback,
                               ProblemState::Closed, ProblemState::Reopened})
            by_state[ToJsonText(s)] = 0;
        for (const Problem& p : ledger->problems) {
            by_state[ToJsonText(p.state)] = by_state[ToJsonText(p.state)].get<int>() + 1;
            if (IsOpen(p.state))
                open.push_back(p.id);
        }
    }
    j["problem_counts"] = by_state;
    j["open_problems"] = open;
    return j;
}

} // namespace kpl::ui
