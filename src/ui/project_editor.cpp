// Draws the project editor panel and turns finished changes into edit commands.
//
// [SECTION] draft keeping   — take the record, validate the draft, commit
// [SECTION] field rows      — label, input, findings under it
// [SECTION] groups          — 基本信息 / 责任 / 资金 / 状态 / 时间节点 / 月报 / 交办问题
#include "project_editor.h"

#include <algorithm>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "core/query.h"
#include "format.h"
#include "labels.h"
#include "strings.h"
#include "test_marks.h"
#include "theme.h"
#include "widgets.h"

namespace kpl::ui {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] draft keeping
//-----------------------------------------------------------------------------

int ProjectIndexOf(const Ledger& ledger, const std::string& id)
{
    for (std::size_t i = 0; i < ledger.projects.size(); ++i)
        if (ledger.projects[i].id == id)
            return static_cast<int>(i);
    return -1;
}

std::string DateText(const std::optional<Date>& date) { return date ? date->ToString() : std::string(); }

// Takes the record afresh whenever the ledger changed (an edit applied, undo, redo): the draft then
// always shows what the ledger holds, except for a change the ledger refused, which stays on screen
// with its reason until corrected.
void LoadDraft(const Ledger& ledger, const Project& project, uint64_t generation, ProjectEditorView& view)
{
    view.project_id = project.id;
    view.loaded_generation = generation;
    view.draft = project;
    view.texts.clear();
    view.bad.clear();
    const Project& p = project;
    view.texts["total_investment_wan"] = p.total_investment.ToString();
    view.texts["completed_before_year_wan"] = p.completed_before_year.ToString();
    view.texts["plan_wan"] = p.plan.ToString();
    view.texts["funds_required_wan"] = p.funds_required.ToString();
    view.texts["funds_in_place_wan"] = p.funds_in_place.ToString();
    view.texts["planned_completion"] = DateText(p.planned_completion);
    view.texts["actual_start"] = DateText(p.actual_start);
    view.texts["actual_completion"] = DateText(p.actual_completion);
    for (std::size_t i = 0; i < p.milestones.size(); ++i) {
        view.texts[IndexPath("milestones", i) + ".planned"] = DateText(p.milestones[i].planned);
        view.texts[IndexPath("milestones", i) + ".actual"] = DateText(p.milestones[i].actual);
    }
    view.findings_stale = true;
    (void)ledger;
}

void Revalidate(const Ledger& ledger, ProjectEditorView& view)
{
    if (!view.findings_stale)
        return;
    ValidateOptions options;
    options.self_index = ProjectIndexOf(ledger, view.project_id);
    for (const auto& [path, is_bad] : view.bad)
        if (is_bad)
            options.unreadable.push_back(path);
    view.findings = ValidateProject(ledger, view.draft, "", options);
    view.findings_stale = false;
}

void CommitDraft(const ProjectEditorView& view, CommandList& commands)
{
    Command command{CommandKind::Edit};
    const std::string id = view.project_id;
    const Project draft = view.draft;
    command.edit = [id, draft](EditHistory& h, const EditContext& c) { return h.ReplaceProject(c, id, draft); };
    commands.push_back(std::move(command));
}

//-----------------------------------------------------------------------------
// [SECTION] field rows
//-----------------------------------------------------------------------------

// A label column on the left, the input filling the rest.
struct FieldLayout {
    float label_width = 0;
    float input_width = 0;
};

void FieldLabel(const FieldLayout& layout, StrId label)
{
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(label));
    ImGui::SameLine(layout.label_width);
}

// A text field committed when left. `multiline` for the longer texts (建设内容).
void TextRow(const FieldLayout& layout, ProjectEditorView& view, CommandList& commands, StrId label,
             const char* path, std::string& value, bool multiline = false)
{
    ImGui::PushID(path);
    FieldLabel(layout, label);
    if (multiline)
        ImGui::InputTextMultiline("##v", &value, ImVec2(layout.input_width, ImGui::GetTextLineHeight() * 3.5f));
    else {
        ImGui::SetNextItemWidth(layout.input_width);
        ImGui::InputText("##v", &value);
    }
    MarkItem(std::string("editor.") + path);
    if (ImGui::IsItemEdited())
        view.findings_stale = true;
    if (ImGui::IsItemDeactivatedAfterEdit())
        CommitDraft(view, commands);
    ImGui::PopID();
    if (path[0])
        FieldFindings(view.findings, path);
}

void MoneyRow(const FieldLayout& layout, ProjectEditorView& view, CommandList& commands, StrId label,
              const char* path, Money& value)
{
    ImGui::PushID(path);
    FieldLabel(layout, label);
    bool& bad = view.bad[path];
    if (MoneyField("##v", view.texts[path], value, bad, layout.input_width * 0.5f)) {
        view.findings_stale = true;
        CommitDraft(view, commands);
    } else if (bad) {
        view.findings_stale = true;
    }
    ImGui::SameLine();
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::UnitWan));
    ImGui::PopID();
    FieldFindings(view.findings, path, false, bad ? Tr(StrId::BadMoney) : nullptr);
}

void DateRow(const FieldLayout& layout, ProjectEditorView& view, CommandList& commands, StrId label,
             const std::string& path, std::optional<Date>& value)
{
    ImGui::PushID(path.c_str());
    FieldLabel(layout, label);
    bool& bad = view.bad[path];
    if (DateField("##v", view.texts[path], value, true, bad, 8 * ImGui::GetFontSize())) {
        view.findings_stale = true;
        CommitDraft(view, commands);
    }
    ImGui::PopID();
    FieldFindings(view.findings, path, false, bad ? Tr(StrId::BadDate) : nullptr);
}

// A combo over a reference list (districts, departments, city leaders), committed on choice.
template <typename Record, typename NameOf>
void ReferenceRow(const FieldLayout& layout, ProjectEditorView& view, CommandList& commands, StrId label,
                  const char* path, std::string& value, const std::vector<Record>& records, NameOf name_of)
{
    ImGui::PushID(path);
    FieldLabel(layout, label);
    std::string preview = value;
    for (const Record& r : records)
        if (r.id == value)
            preview = name_of(r);
    ImGui::SetNextItemWidth(layout.input_width);
    if (ImGui::BeginCombo("##v", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const Record& r : records)
            if (ImGui::Selectable(name_of(r).c_str(), r.id == value) && r.id != value) {
                value = r.id;
                view.findings_stale = true;
                CommitDraft(view, commands);
            }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    FieldFindings(view.findings, path);
}

//-----------------------------------------------------------------------------
// [SECTION] groups
//-----------------------------------------------------------------------------

void Milestones(const FieldLayout& layout, ProjectEditorView& view, CommandList& commands, const Ledger& ledger)
{
    const float em = ImGui::GetFontSize();
    std::vector<Milestone>& list = view.draft.milestones;
    const std::string id = view.project_id;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Milestone& m = list[i];
        const std::string base = IndexPath("milestones", i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(layout.input_width * 0.6f);
        ImGui::InputTextWithHint("##name", Tr(StrId::MilestoneName), &m.name);
        if (ImGui::IsItemEdited())
            view.findings_stale = true;
        if (ImGui::IsItemDeactivatedAfterEdit())
            CommitDraft(view, commands);
        ImGui::SameLine();
        const std::string milestone_id = m.id;
        ImGui::BeginDisabled(i == 0);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up)) {
            const int to = static_cast<int>(i) - 1;
            Command command{CommandKind::Edit};
            command.edit = [id, milestone_id, to](EditHistory& h, const EditContext& c) {
                return h.MoveMilestone(c, id, milestone_id, to);
            };
            commands.push_back(std::move(command));
        }
        ImGui::EndDisabled();
        ImGui::SameLine(0, 2);
        ImGui::BeginDisabled(i + 1 == list.size());
        if (ImGui::ArrowButton("##down", ImGuiDir_Down)) {
            const int to = static_cast<int>(i) + 1;
            Command command{CommandKind::Edit};
            command.edit = [id, milestone_id, to](EditHistory& h, const EditContext& c) {
                return h.MoveMilestone(c, id, milestone_id, to);
            };
            commands.push_back(std::move(command));
        }
        ImGui::EndDisabled();
        ImGui::SameLine(0, 2);
        if (ImGui::SmallButton(Tr(StrId::ButtonRemoveShort))) {
            Command command{CommandKind::Edit};
            command.edit = [id, milestone_id](EditHistory& h, const EditContext& c) {
                return h.RemoveMilestone(c, id, milestone_id);
            };
            commands.push_back(std::move(command));
        }
        FieldFindings(view.findings, base + ".name");
        ImGui::Indent(em);
        DateRow(FieldLayout{layout.label_width - em, layout.input_width}, view, commands, StrId::MilestonePlanned,
                base + ".planned", m.planned);
        DateRow(FieldLayout{layout.label_width - em, layout.input_width}, view, commands, StrId::MilestoneActual,
                base + ".actual", m.actual);
        ImGui::Unindent(em);
        ImGui::PopID();
    }
    if (ImGui::Button(Tr(StrId::ButtonAddMilestone))) {
        Milestone m;
        m.name = Tr(StrId::NewMilestoneName);
        Command command{CommandKind::Edit};
        command.edit = [id, m](EditHistory& h, const EditContext& c) { return h.AddMilestone(c, id, m); };
        commands.push_back(std::move(command));
    }
    (void)ledger;
}

void FillReportForm(const Ledger& ledger, const Project& project, uint64_t generation, ProjectEditorView& view)
{
    const std::string key = project.id + "@" + std::to_string(view.report_month);
    if (view.report_for == key && view.report_generation == generation)
        return;
    view.report_for = key;
    view.report_generation = generation;
    const YearMonth month{ledger.meta.year, view.report_month};
    view.report = MonthlyReport{};
    view.report.month = month;
    for (const MonthlyReport& r : project.reports)
        if (r.month == month)
            view.report = r;
    view.report_investment = view.report.investment.ToString();
    view.report_funds = view.report.funds_in_place ? view.report.funds_in_place->ToString() : std::string();
    view.report_investment_bad = view.report_funds_bad = false;
}

// The findings about the form's report: the project validated with the report in place.
void ValidateReport(const Ledger& ledger, ProjectEditorView& view, const Project& project)
{
    Project with = project;
    auto it = std::find_if(with.reports.begin(), with.reports.end(),
                           [&](const MonthlyReport& r) { return r.month == view.report.month; });
    std::size_t index = 0;
    if (it != with.reports.end()) {
        *it = view.report;
        index = static_cast<std::size_t>(it - with.reports.begin());
    } else {
        auto pos = std::find_if(with.reports.begin(), with.reports.end(),
                                [&](const MonthlyReport& r) { return view.report.month < r.month; });
        index = static_cast<std::size_t>(pos - with.reports.begin());
        with.reports.insert(pos, view.report);
    }
    ValidateOptions options;
    options.self_index = ProjectIndexOf(ledger, project.id);
    Findings all = ValidateProject(ledger, with, "", options);
    // Keep those about this report, with paths relative to it.
    const std::string prefix = IndexPath("reports", index);
    view.report_findings = Findings{};
    auto keep = [&](const std::vector<Diagnostic>& from, std::vector<Diagnostic>& to) {
        for (Diagnostic d : from)
            if (d.path.compare(0, prefix.size(), prefix) == 0) {
                d.path = d.path.size() > prefix.size() + 1 ? d.path.substr(prefix.size() + 1) : "";
                to.push_back(std::move(d));
            }
    };
    keep(all.errors, view.report_findings.errors);
    keep(all.warnings, view.report_findings.warnings);
}

void ReportForm(const FieldLayout& layout, ProjectEditorView& view, CommandList& commands, const Ledger& ledger,
                const Project& project, uint64_t generation)
{
    if (view.report_month < 1 || view.report_month > 12)
        view.report_month = ledger.meta.as_of && ledger.meta.as_of->year == ledger.meta.year ? ledger.meta.as_of->month : 1;
    FieldLabel(layout, StrId::ReportMonth);
    ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
    const std::string preview = YearMonth{ledger.meta.year, view.report_month}.ToString();
    const bool month_open = ImGui::BeginCombo("##month", preview.c_str());
    MarkItem("report.month");
    if (month_open) {
        for (int m = 1; m <= 12; ++m) {
            const YearMonth ym{ledger.meta.year, m};
            const bool has = std::any_of(project.reports.begin(), project.reports.end(),
                                         [&](const MonthlyReport& r) { return r.month == ym; });
            std::string item = ym.ToString();
            if (has)
                item += std::string("  ") + Tr(StrId::ReportExists);
            if (ImGui::Selectable(item.c_str(), m == view.report_month))
                view.report_month = m;
        }
        ImGui::EndCombo();
    }
    FillReportForm(ledger, project, generation, view);
    MonthlyReport& r = view.report;
    bool changed = false;

    FieldLabel(layout, StrId::ReportInvestment);
    ImGui::SetNextItemWidth(layout.input_width * 0.5f);
    const bool investment_edited =
        ImGui::InputText("##investment", &view.report_investment);
    MarkItem("report.investment");
    if (investment_edited) {
        std::optional<Money> m = Money::Parse(view.report_investment);
        view.report_investment_bad = !m;
        if (m)
            r.investment = *m;
        changed = true;
    }
    ImGui::SameLine();
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::UnitWan));
    FieldFindings(view.report_findings, "investment_wan", false,
                  view.report_investment_bad ? Tr(StrId::BadMoney) : nullptr);

    FieldLabel(layout, StrId::ReportPercent);
    ImGui::SetNextItemWidth(layout.input_width * 0.5f);
    changed |= ImGui::InputDouble("##percent", &r.percent_complete, 0, 0, "%.2f");
    MarkItem("report.percent");
    ImGui::SameLine();
    ImGui::TextUnformatted("%");
    FieldFindings(view.report_findings, "percent_complete");

    FieldLabel(layout, StrId::ReportFunds);
    ImGui::SetNextItemWidth(layout.input_width * 0.5f);
    if (ImGui::InputTextWithHint("##funds", Tr(StrId::Optional), &view.report_funds)) {
        std::optional<Money> m = Money::Parse(view.report_funds);
        view.report_funds_bad = !view.report_funds.empty() && !m;
        r.funds_in_place = view.report_funds.empty() ? std::nullopt : m;
        changed = true;
    }
    FieldFindings(view.report_findings, "funds_in_place_wan", false, view.report_funds_bad ? Tr(StrId::BadMoney) : nullptr);

    FieldLabel(layout, StrId::ReportProgress);
    changed |= ImGui::InputTextMultiline("##progress", &r.progress_text,
                                         ImVec2(layout.input_width, ImGui::GetTextLineHeight() * 3));
    MarkItem("report.progress");
    FieldFindings(view.report_findings, "progress_text");
    FieldLabel(layout, StrId::ReportProblems);
    changed |= ImGui::InputTextMultiline("##problems", &r.problems_text,
                                         ImVec2(layout.input_width, ImGui::GetTextLineHeight() * 3));
    FieldFindings(view.report_findings, "problems_text");
    if (changed || view.report_findings.empty())
        ValidateReport(ledger, view, project);
    FieldFindings(view.report_findings, "", false);

    const bool can_save = !view.report_investment_bad && !view.report_funds_bad && !view.report_findings.HasErrors();
    ImGui::BeginDisabled(!can_save);
    const bool save = ImGui::Button(Tr(StrId::ButtonSaveReport));
    MarkItem("report.save");
    if (save) {
        Command command{CommandKind::Edit};
        const std::string id = project.id;
        const MonthlyReport report = r;
        command.edit = [id, report](EditHistory& h, const EditContext& c) { return h.UpsertReport(c, id, report); };
        commands.push_back(std::move(command));
    }
    ImGui::EndDisabled();
    // Removing is one undoable step like any edit, so it asks no confirmation.
    const YearMonth month{ledger.meta.year, view.report_month};
    const bool reported = std::any_of(project.reports.begin(), project.reports.end(),
                                      [&](const MonthlyReport& existing) { return existing.month == month; });
    if (reported) {
        ImGui::SameLine();
        const bool remove = ImGui::Button(Tr(StrId::ButtonRemoveReport));
        MarkItem("report.remove");
        if (remove) {
            Command command{CommandKind::Edit};
            const std::string id = project.id;
            command.edit = [id, month](EditHistory& h, const EditContext& c) { return h.RemoveReport(c, id, month); };
            commands.push_back(std::move(command));
        }
    }
}

void ProjectProblems(const AppState& state, const Project& project)
{
    const Ledger& ledger = *CurrentLedger(state);
    const Date today = LedgerToday(state);
    int shown = 0;
    for (const Problem& p : ledger.problems) {
        if (p.project_id != project.id)
            continue;
        ++shown;
        const DueStatus due = ProblemDueStatus(p, today, ledger.settings.warnings.due_soon_days);
        const ImVec4 colour = due == DueStatus::Overdue ? theme::ErrorText()
                              : due == DueStatus::DueSoon ? theme::WarningText()
                              : due == DueStatus::Closed ? theme::DimText() : ImGui::GetStyleColorVec4(ImGuiCol_Text);
        ImGui::TextColored(colour, "[%s] %s  %s %s", Label(p.state), p.text.c_str(), Tr(StrId::ColDeadline),
                           p.deadline.ToString().c_str());
    }
    if (shown == 0)
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::NoProblems));
}

} // namespace

void DrawProjectEditor(const AppState& state, ProjectEditorView& view, CommandList& commands)
{
    const Ledger& ledger = *CurrentLedger(state);
    const Project* project = FindProject(ledger, state.selected_project_id);
    if (!project) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::EditorNothing));
        return;
    }
    const uint64_t generation = LedgerGeneration(state);
    if (view.project_id != project->id || view.loaded_generation != generation)
        LoadDraft(ledger, *project, generation, view);
    Revalidate(ledger, view);

    const float em = ImGui::GetFontSize();
    FieldLayout layout;
    layout.label_width = 7.5f * em;
    layout.input_width = std::max(8 * em, ImGui::GetContentRegionAvail().x - layout.label_width - 0.5f * em);

    // Title line: the project's name and the close button.
    ImGui::TextUnformatted(Tr(StrId::EditorTitle));
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 4 * em);
    if (ImGui::SmallButton(Tr(StrId::ButtonClose)))
        commands.push_back({CommandKind::CloseEditor});
    if (!state.refused_errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::ErrorText());
        ImGui::TextWrapped("%s", Tr(StrId::EditRefused));
        for (const Diagnostic& d : state.refused_errors)
            ImGui::TextWrapped("%s%s%s", d.path.c_str(), d.path.empty() ? "" : ": ", MessageOf(d).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    ImGui::BeginChild("##fields");
    // Measured inside the scrolling child: its scrollbar takes width, and a field wider than what
    // is left makes the panel scroll sideways when keyboard navigation reaches it.
    layout.input_width = std::max(8 * em, ImGui::GetContentRegionAvail().x - layout.label_width - 0.5f * em);
    Project& d = view.draft;
    const ImGuiTreeNodeFlags open = ImGuiTreeNodeFlags_DefaultOpen;
    if (ImGui::CollapsingHeader(Tr(StrId::GroupBasic), open)) {
        TextRow(layout, view, commands, StrId::FieldName, "name", d.name);
        TextRow(layout, view, commands, StrId::FieldCode, "code", d.code);
        TextRow(layout, view, commands, StrId::FieldCategory, "category", d.category);
        ReferenceRow(layout, view, commands, StrId::ColDistrict, "district_id", d.district_id, ledger.districts,
                     [](const District& r) { return r.name; });
        TextRow(layout, view, commands, StrId::TipOwner, "owner_unit", d.owner_unit);
        TextRow(layout, view, commands, StrId::TipContent, "content", d.content, true);
        ImGui::PushID("start_year");
        FieldLabel(layout, StrId::FieldStartYear);
        ImGui::SetNextItemWidth(8 * em);
        ImGui::InputInt("##v", &d.start_year, 0, 0);
        if (ImGui::IsItemEdited())
            view.findings_stale = true;
        if (ImGui::IsItemDeactivatedAfterEdit())
            CommitDraft(view, commands);
        ImGui::PopID();
        FieldFindings(view.findings, "start_year");
    }
    if (ImGui::CollapsingHeader(Tr(StrId::GroupResponsibility), open)) {
        ReferenceRow(layout, view, commands, StrId::ColLeader, "city_leader_id", d.city_leader_id,
                     ledger.city_leaders, [](const CityLeader& r) { return r.title; });
        ReferenceRow(layout, view, commands, StrId::ColDepartment, "department_id", d.department_id,
                     ledger.departments, [](const Department& r) { return r.name; });
        TextRow(layout, view, commands, StrId::FieldResponsibleLeader, "responsible_leader", d.responsible_leader);
        TextRow(layout, view, commands, StrId::TipResponsible, "responsible_person", d.responsible_person);
        TextRow(layout, view, commands, StrId::FieldContact, "contact", d.contact);
    }
    if (ImGui::CollapsingHeader(Tr(StrId::GroupMoney), open)) {
        MoneyRow(layout, view, commands, StrId::ColTotalInvestment, "total_investment_wan", d.total_investment);
        MoneyRow(layout, view, commands, StrId::FieldCompletedBefore, "completed_before_year_wan", d.completed_before_year);
        MoneyRow(layout, view, commands, StrId::HeaderPlan, "plan_wan", d.plan);
        MoneyRow(layout, view, commands, StrId::FieldFundsRequired, "funds_required_wan", d.funds_required);
        MoneyRow(layout, view, commands, StrId::FieldFundsInPlace, "funds_in_place_wan", d.funds_in_place);
    }
    if (ImGui::CollapsingHeader(Tr(StrId::GroupState), open)) {
        ImGui::PushID("status");
        FieldLabel(layout, StrId::ColStatus);
        ImGui::SetNextItemWidth(8 * em);
        if (ImGui::BeginCombo("##v", Label(d.status))) {
            for (ProjectStatus s : kAllStatuses)
                if (ImGui::Selectable(Label(s), s == d.status) && s != d.status) {
                    d.status = s;
                    view.findings_stale = true;
                    CommitDraft(view, commands);
                }
            ImGui::EndCombo();
        }
        ImGui::PopID();
        FieldFindings(view.findings, "status");
        FieldLabel(layout, StrId::ColTarget);
        if (ImGui::Checkbox("##target", &d.completion_target)) {
            view.findings_stale = true;
            CommitDraft(view, commands);
        }
        DateRow(layout, view, commands, StrId::TipPlannedCompletion, "planned_completion", d.planned_completion);
        DateRow(layout, view, commands, StrId::FieldActualStart, "actual_start", d.actual_start);
        DateRow(layout, view, commands, StrId::FieldActualCompletion, "actual_completion", d.actual_completion);
    }
    if (ImGui::CollapsingHeader(Tr(StrId::GroupMilestones), open))
        Milestones(layout, view, commands, ledger);
    if (ImGui::CollapsingHeader(Tr(StrId::GroupReports), open))
        ReportForm(layout, view, commands, ledger, *project, generation);
    if (ImGui::CollapsingHeader(Tr(StrId::GroupProblems), open))
        ProjectProblems(state, *project);
    // Whatever else the validator says about the record (not tied to a field shown above).
    ImGui::EndChild();
}

} // namespace kpl::ui
