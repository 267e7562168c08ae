// The spreadsheet import dialog and the export items. Reading, mapping and writing are
// src/sheets'; this file draws what they computed and emits commands (Download, PickFile, and one
// Edit that adds every imported project as a single undo step).
#include "sheets_view.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>

#include "imgui.h"

#include "core/bulletin.h"
#include "core/ranking.h"
#include "sheets/ledger_tables.h"
#include "sheets/xlsx.h"
#include "fonts.h"
#include "strings.h"
#include "test_marks.h"
#include "theme.h"

namespace kpl::ui {

namespace {

constexpr const char* kXlsxMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kCsvMime = "text/csv;charset=utf-8";
constexpr int kPreviewRows = 8;

std::string Format(StrId id, const std::string& a, const std::string& b = "")
{
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, Tr(id), a.c_str(), b.c_str());
    return buffer;
}

std::string FormatInt(StrId id, int a, int b = 0)
{
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, Tr(id), a, b);
    return buffer;
}

bool English() { return CurrentLanguage() == Language::English; }

const char* FieldLabel(sheets::ProjectField field)
{
    return English() ? sheets::FieldHeaderEn(field) : sheets::FieldHeaderZh(field);
}

// The month the bulletin and assessment exports are for: the as-of month, else December.
YearMonth ExportMonth(const Ledger& ledger)
{
    if (ledger.meta.as_of && ledger.meta.as_of->year == ledger.meta.year)
        return *ledger.meta.as_of;
    return YearMonth{ledger.meta.year, 12};
}

std::string YearText(const Ledger& ledger) { return std::to_string(ledger.meta.year); }

void Download(CommandList& commands, const std::string& name, std::string bytes, const char* mime)
{
    commands.push_back(Command{CommandKind::Download, {}, name, false, std::move(bytes), {}, mime});
}

void MarkPreviewStale(SheetsView& view) { view.preview_stale = true; }

void RefreshPreview(const Ledger& ledger, uint64_t generation, SheetsView& view)
{
    if (!view.preview_stale && view.preview_generation == generation)
        return;
    view.preview = view.sheets.empty() ? sheets::SheetImport{}
                                       : sheets::BuildImport(ledger, view.sheets[static_cast<std::size_t>(view.sheet_index)],
                                                             view.mapping, view.defaults);
    view.preview_generation = generation;
    view.preview_stale = false;
    for (const sheets::ImportIssue& issue : view.preview.issues) {
        NoteTextShown(issue.message_zh);
        NoteTextShown(issue.message_en);
    }
}

// A combo of the ledger's districts / departments / leaders for an empty cell's default.
template <typename List, typename NameOf>
void DefaultCombo(const char* label, const char* mark, const List& list, NameOf name_of, std::string& chosen_id,
                  SheetsView& view)
{
    std::string preview = Tr(StrId::SheetsNoDefault);
    for (const auto& item : list)
        if (item.id == chosen_id)
            preview = name_of(item);
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::BeginCombo((std::string("##") + mark).c_str(), preview.c_str())) {
        if (ImGui::Selectable(Tr(StrId::SheetsNoDefault), chosen_id.empty())) {
            chosen_id.clear();
            MarkPreviewStale(view);
        }
        for (const auto& item : list)
            if (ImGui::Selectable(name_of(item).c_str(), item.id == chosen_id)) {
                chosen_id = item.id;
                MarkPreviewStale(view);
            }
        ImGui::EndCombo();
    }
    MarkItem(mark);
}

void DrawMappingTable(const sheets::Sheet& sheet, SheetsView& view)
{
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    const float height = ImGui::GetTextLineHeightWithSpacing() * 8.5f;
    if (!ImGui::BeginTable("##mapping", 4, flags, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColColumn), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColHeader), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColTarget), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 14);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColSample), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    const std::size_t sample_row = view.mapping.header_row + 1;
    for (std::size_t c = 0; c < view.mapping.columns.size(); ++c) {
        const std::string letter = sheets::ColumnLetters(c);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(letter.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(sheets::HeaderText(sheet, view.mapping, c).c_str());
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(c));
        ImGui::SetNextItemWidth(-1);
        sheets::ProjectField& field = view.mapping.columns[c];
        if (ImGui::BeginCombo("##field", FieldLabel(field))) {
            for (int f = 0; f < static_cast<int>(sheets::ProjectField::Count); ++f) {
                const auto candidate = static_cast<sheets::ProjectField>(f);
                if (ImGui::Selectable(FieldLabel(candidate), candidate == field)) {
                    // A field goes to one column: the column that had it gives it up.
                    if (candidate != sheets::ProjectField::Ignore)
                        for (sheets::ProjectField& other : view.mapping.columns)
                            if (other == candidate)
                                other = sheets::ProjectField::Ignore;
                    field = candidate;
                    MarkPreviewStale(view);
                }
                MarkItem("sheets.field_option." + std::string(sheets::FieldKey(candidate)));
            }
            ImGui::EndCombo();
        }
        MarkItem("sheets.map." + letter);
        // The current choice, readable by tests from the mark's name.
        MarkItem("sheets.map." + letter + "=" + sheets::FieldKey(field));
        ImGui::PopID();
        ImGui::TableNextColumn();
        if (sample_row < sheet.rows.size() && c < sheet.rows[sample_row].size())
            ImGui::TextUnformatted(sheet.rows[sample_row][c].text.c_str());
    }
    ImGui::EndTable();
}

std::string ReferenceName(const Ledger& ledger, sheets::ProjectField field, const Project& p)
{
    switch (field) {
    case sheets::ProjectField::District: {
        const District* d = FindDistrict(ledger, p.district_id);
        return d ? d->name : "";
    }
    case sheets::ProjectField::Department: {
        const Department* d = FindDepartment(ledger, p.department_id);
        return d ? d->name : "";
    }
    case sheets::ProjectField::CityLeader: {
        const CityLeader* l = FindCityLeader(ledger, p.city_leader_id);
        return l ? l->title : "";
    }
    default: return "";
    }
}

void DrawPreview(const Ledger& ledger, const SheetsView& view)
{
    using F = sheets::ProjectField;
    const sheets::SheetImport& preview = view.preview;
    const int shown = std::min<int>(kPreviewRows, static_cast<int>(preview.rows.size()));
    ImGui::TextUnformatted(FormatInt(StrId::SheetsPreviewTitle, shown, static_cast<int>(preview.rows.size())).c_str());
    static const F kColumns[] = {F::Name, F::District, F::Department, F::CityLeader, F::TotalInvestment, F::Plan,
                                 F::ActualStart, F::PlannedCompletion, F::Status};
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##preview", 1 + static_cast<int>(std::size(kColumns)), flags))
        return;
    ImGui::TableSetupColumn(Tr(StrId::SheetsColRow), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
    for (F f : kColumns)
        ImGui::TableSetupColumn(FieldLabel(f), f == F::Name ? ImGuiTableColumnFlags_WidthStretch : 0, f == F::Name ? 3.0f : 1.0f);
    ImGui::TableHeadersRow();
    for (int i = 0; i < shown; ++i) {
        const sheets::ImportedRow& row = preview.rows[static_cast<std::size_t>(i)];
        const Project& p = row.project;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (row.has_issue)
            ImGui::TextColored(theme::ErrorText(), "%zu", row.sheet_row);
        else
            ImGui::Text("%zu", row.sheet_row);
        MarkItem("sheets.preview." + std::to_string(row.sheet_row));
        for (F f : kColumns) {
            ImGui::TableNextColumn();
            std::string text;
            switch (f) {
            case F::Name: text = p.name; break;
            case F::District:
            case F::Department:
            case F::CityLeader: text = ReferenceName(ledger, f, p); break;
            case F::TotalInvestment: text = p.total_investment.ToString(); break;
            case F::Plan: text = p.plan.ToString(); break;
            case F::ActualStart: text = p.actual_start ? p.actual_start->ToString() : ""; break;
            case F::PlannedCompletion: text = p.planned_completion ? p.planned_completion->ToString() : ""; break;
            case F::Status: text = English() ? ToJsonText(p.status) : ChineseLabel(p.status); break;
            default: break;
            }
            ImGui::TextUnformatted(text.c_str());
        }
    }
    ImGui::EndTable();
}

void DrawIssues(const SheetsView& view)
{
    const sheets::SheetImport& preview = view.preview;
    if (preview.issues.empty()) {
        ImGui::TextUnformatted(Tr(StrId::SheetsNoIssues));
        return;
    }
    ImGui::TextColored(theme::ErrorText(), "%s", FormatInt(StrId::SheetsIssuesTitle, static_cast<int>(preview.issues.size())).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    const float rows = std::min<float>(6.5f, static_cast<float>(preview.issues.size()) + 1.5f);
    if (!ImGui::BeginTable("##issues", 5, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColRow), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColColumn), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColHeader), 0, 1.5f);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColValue), 0, 1.5f);
    ImGui::TableSetupColumn(Tr(StrId::SheetsColProblem), 0, 4.0f);
    ImGui::TableHeadersRow();
    for (const sheets::ImportIssue& issue : preview.issues) {
        const std::string letter = sheets::ColumnLetters(issue.column);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", issue.row);
        MarkItem("sheets.issue." + std::to_string(issue.row) + "." + letter);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(letter.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(issue.header.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(issue.value.c_str());
        ImGui::TableNextColumn();
        const std::string& message = English() ? issue.message_en : issue.message_zh;
        if (issue.blocking)
            ImGui::TextColored(theme::ErrorText(), "%s", message.c_str());
        else
            ImGui::TextWrapped("%s", message.c_str());
    }
    ImGui::EndTable();
}

std::string JoinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : English() ? ", " : "、") + n;
    return out;
}

void DrawImportDialog(const AppState& state, SheetsView& view, CommandList& commands)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(1100.0f, viewport->WorkSize.x - 40), std::min(680.0f, viewport->WorkSize.y - 40)),
                             ImGuiCond_Appearing);
    const std::string title = std::string(Tr(StrId::SheetsImportTitle)) + "###sheets_import";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        view.import_open = open;
        return;
    }
    MarkItem("sheets.dialog");
    const Ledger* ledger = CurrentLedger(state);
    if (!view.read_error.empty()) {
        ImGui::TextColored(theme::ErrorText(), "%s", Format(StrId::SheetsReadError, view.file_name).c_str());
        ImGui::TextWrapped("%s", view.read_error.c_str());
    } else if (!ledger) {
        ImGui::TextUnformatted(Tr(StrId::SheetsNoLedger));
    } else {
        RefreshPreview(*ledger, LedgerGeneration(state), view);
        ImGui::TextUnformatted(Format(StrId::SheetsFileLine, view.file_name, view.format).c_str());
        if (view.sheets.size() > 1) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
            const sheets::Sheet& current = view.sheets[static_cast<std::size_t>(view.sheet_index)];
            if (ImGui::BeginCombo(Tr(StrId::SheetsSheet), current.name.c_str())) {
                for (int i = 0; i < static_cast<int>(view.sheets.size()); ++i)
                    if (ImGui::Selectable(view.sheets[static_cast<std::size_t>(i)].name.c_str(), i == view.sheet_index)) {
                        view.sheet_index = i;
                        view.mapping = sheets::GuessMapping(view.sheets[static_cast<std::size_t>(i)]);
                        MarkPreviewStale(view);
                    }
                ImGui::EndCombo();
            }
            MarkItem("sheets.sheet");
        }
        const sheets::Sheet& sheet = view.sheets[static_cast<std::size_t>(view.sheet_index)];
        ImGui::SameLine();
        int header_row = static_cast<int>(view.mapping.header_row) + 1;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt(Tr(StrId::SheetsHeaderRow), &header_row)) {
            header_row = std::clamp(header_row, 1, std::max(1, static_cast<int>(sheet.rows.size())));
            view.mapping = sheets::GuessMappingAt(sheet, static_cast<std::size_t>(header_row - 1));
            MarkPreviewStale(view);
        }
        MarkItem("sheets.header_row");

        ImGui::Separator();
        ImGui::TextUnformatted(Tr(StrId::SheetsColumnsTitle));
        DrawMappingTable(sheet, view);

        ImGui::TextUnformatted(Tr(StrId::SheetsDefaultsTitle));
        ImGui::SameLine();
        DefaultCombo(FieldLabel(sheets::ProjectField::District), "sheets.default.district", ledger->districts,
                     [](const District& d) { return d.name; }, view.defaults.district_id, view);
        ImGui::SameLine();
        DefaultCombo(FieldLabel(sheets::ProjectField::Department), "sheets.default.department", ledger->departments,
                     [](const Department& d) { return d.name; }, view.defaults.department_id, view);
        ImGui::SameLine();
        DefaultCombo(FieldLabel(sheets::ProjectField::CityLeader), "sheets.default.city_leader", ledger->city_leaders,
                     [](const CityLeader& l) { return l.title; }, view.defaults.city_leader_id, view);

        ImGui::Separator();
        DrawPreview(*ledger, view);
        ImGui::Separator();
        DrawIssues(view);

        const sheets::SheetImport& preview = view.preview;
        const std::pair<StrId, const std::vector<std::string>*> missing[] = {
            {StrId::SheetsMissingDistricts, &preview.missing_districts},
            {StrId::SheetsMissingDepartments, &preview.missing_departments},
            {StrId::SheetsMissingLeaders, &preview.missing_leaders}};
        bool any_missing = false;
        for (const auto& [message, names] : missing)
            if (!names->empty()) {
                ImGui::TextColored(theme::ErrorText(), "%s", Format(message, JoinNames(*names)).c_str());
                any_missing = true;
            }
        if (any_missing || (!preview.CanImport() && preview.has_name_column && !preview.rows.empty()))
            ImGui::TextWrapped("%s", Tr(StrId::SheetsBlockedHint));
        if (!preview.has_name_column)
            ImGui::TextColored(theme::ErrorText(), "%s", Tr(StrId::SheetsNoName));
        else if (preview.rows.empty())
            ImGui::TextColored(theme::ErrorText(), "%s", Tr(StrId::SheetsNoRows));
        if (preview.skipped_total_rows > 0)
            ImGui::TextUnformatted(FormatInt(StrId::SheetsSkippedTotals, static_cast<int>(preview.skipped_total_rows)).c_str());

        const bool can = preview.CanImport();
        ImGui::BeginDisabled(!can);
        const std::string button = FormatInt(StrId::SheetsImportButton, static_cast<int>(preview.rows.size()));
        if (ImGui::Button(button.c_str())) {
            std::vector<Project> projects = preview.Projects();
            commands.push_back(Command{CommandKind::Edit,
                                       [projects](EditHistory& history, const EditContext& context) {
                                           return history.AddProjects(context, projects);
                                       }});
            open = false;
        }
        ImGui::EndDisabled();
        MarkItem("sheets.import_button");
        ImGui::SameLine();
    }
    if (ImGui::Button(Tr(StrId::ButtonCancel)))
        open = false;
    MarkItem("sheets.cancel");
    ImGui::End();
    view.import_open = open;
    if (!open) {
        view.sheets.clear();
        view.preview = {};
    }
}

} // namespace

void DrawSheetsFileItems(const AppState& state, SheetsView& /*view*/, CommandList& commands)
{
    const bool has_ledger = HasLedger(state);
    if (ImGui::MenuItem(Tr(StrId::SheetsMenuImport), nullptr, false, has_ledger))
        commands.push_back(Command{CommandKind::PickFile, {}, "sheet", false, ".csv,.xlsx"});
    MarkItem("sheets.import");
    const bool open = ImGui::BeginMenu(Tr(StrId::SheetsMenuExport), has_ledger);
    MarkItem("sheets.export");
    if (!open)
        return;
    const Ledger& ledger = *CurrentLedger(state);
    const std::string year = YearText(ledger);
    if (ImGui::MenuItem(Tr(StrId::SheetsExportProjectsXlsx)))
        Download(commands, "项目表-" + year + ".xlsx", sheets::WriteXlsx(sheets::ProjectsTables(ledger)), kXlsxMime);
    MarkItem("sheets.export.projects_xlsx");
    if (ImGui::MenuItem(Tr(StrId::SheetsExportProjectsCsv)))
        Download(commands, "项目表-" + year + ".csv", TablesCsv(sheets::ProjectsTables(ledger), false), kCsvMime);
    MarkItem("sheets.export.projects_csv");
    if (ImGui::MenuItem(Tr(StrId::SheetsExportProblemsXlsx)))
        Download(commands, "问题清单-" + year + ".xlsx", sheets::WriteXlsx(sheets::ProblemsTables(ledger)), kXlsxMime);
    MarkItem("sheets.export.problems_xlsx");
    if (ImGui::MenuItem(Tr(StrId::SheetsExportProblemsCsv)))
        Download(commands, "问题清单-" + year + ".csv", TablesCsv(sheets::ProblemsTables(ledger), false), kCsvMime);
    MarkItem("sheets.export.problems_csv");
    ImGui::Separator();
    const YearMonth month = ExportMonth(ledger);
    const std::string month_text = month.ToString();
    if (ImGui::MenuItem(Format(StrId::SheetsExportBulletinXlsx, month_text).c_str())) {
        const Bulletin bulletin = BuildBulletin(ledger, month);
        Download(commands, "月度通报-" + month_text + ".xlsx",
                 sheets::WriteXlsx(BulletinTables(bulletin), BulletinHeading(bulletin)), kXlsxMime);
    }
    MarkItem("sheets.export.bulletin_xlsx");
    if (ImGui::MenuItem(Format(StrId::SheetsExportAssessmentXlsx, month_text).c_str())) {
        const Assessment assessment = ComputeAssessment(ledger, month);
        Download(commands, "年度考核-" + month_text + ".xlsx",
                 sheets::WriteXlsx(AssessmentTables(assessment), AssessmentHeading(assessment)), kXlsxMime);
    }
    MarkItem("sheets.export.assessment_xlsx");
    ImGui::EndMenu();
}

void DrawSheetsWindows(const AppState& state, SheetsView& view, CommandList& commands)
{
    if (view.import_open)
        DrawImportDialog(state, view, commands);
}

bool OnSheetsFile(const AppState& /*state*/, SheetsView& view, const platform::OpenedFile& file, CommandList& /*commands*/)
{
    std::string lower = file.name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto ends_with = [&](const char* suffix) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        return lower.size() >= n && lower.compare(lower.size() - n, n, suffix) == 0;
    };
    const bool spreadsheet = ends_with(".csv") || ends_with(".xlsx") || ends_with(".xls");
    if (file.purpose.empty() && !spreadsheet)
        return false;
    view = SheetsView{};
    view.import_open = true;
    view.file_name = file.name;
    // The dialog shows the file's own text (name, headers, cells) before any ledger holds it.
    NoteTextShown(view.file_name);
    sheets::SheetReadResult read = sheets::ReadSpreadsheet(file.name, file.bytes);
    if (!read.ok) {
        view.read_error = read.error_zh + "\n" + read.error_en;
        NoteTextShown(view.read_error);
        return true;
    }
    if (read.sheets.empty() || std::all_of(read.sheets.begin(), read.sheets.end(),
                                           [](const sheets::Sheet& s) { return s.rows.empty(); })) {
        view.read_error = "表格是空的\nthe spreadsheet is empty";
        NoteTextShown(view.read_error);
        return true;
    }
    view.format = read.format;
    view.sheets = std::move(read.sheets);
    for (const sheets::Sheet& sheet : view.sheets) {
        NoteTextShown(sheet.name);
        for (const std::vector<sheets::SheetCell>& row : sheet.rows)
            for (const sheets::SheetCell& cell : row)
                NoteTextShown(cell.text);
    }
    // The first sheet with rows.
    for (std::size_t i = 0; i < view.sheets.size(); ++i)
        if (!view.sheets[i].rows.empty()) {
            view.sheet_index = static_cast<int>(i);
            break;
        }
    view.mapping = sheets::GuessMapping(view.sheets[static_cast<std::size_t>(view.sheet_index)]);
    view.preview_stale = true;
    return true;
}

} // namespace kpl::ui
