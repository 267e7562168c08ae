// Draws the problems board and turns its actions into edit commands.
//
// [SECTION] filter bar
// [SECTION] list          — one row per problem, coloured by due status
// [SECTION] detail        — text, timeline, lifecycle buttons, the action form
// [SECTION] assign form   — 交办 a new problem
#include "problems_board.h"

#include <algorithm>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "core/problem_lifecycle.h"
#include "core/summary.h"
#include "format.h"
#include "labels.h"
#include "multi_select_combo.h"
#include "strings.h"
#include "text_wrap.h"
#include "test_marks.h"
#include "theme.h"
#include "widgets.h"

namespace kpl::ui {

namespace {

const Problem* FindProblem(const Ledger& ledger, const std::string& id)
{
    for (const Problem& p : ledger.problems)
        if (p.id == id)
            return &p;
    return nullptr;
}

ImVec4 DueColour(DueStatus due)
{
    switch (due) {
    case DueStatus::Overdue: return theme::ErrorText();
    case DueStatus::DueSoon: return theme::WarningText();
    case DueStatus::Closed: return theme::DimText();
    case DueStatus::OnTime: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

StrId DueLabel(DueStatus due)
{
    switch (due) {
    case DueStatus::Overdue: return StrId::DueOverdue;
    case DueStatus::DueSoon: return StrId::DueSoon;
    case DueStatus::Closed: return StrId::DueClosed;
    case DueStatus::OnTime: break;
    }
    return StrId::DueOnTime;
}

// Units a problem can be assigned to: departments, then districts (the format allows both).
std::vector<std::pair<std::string, std::string>> Units(const Ledger& ledger)
{
    std::vector<std::pair<std::string, std::string>> units;
    for (const Department& d : ledger.departments)
        units.emplace_back(d.id, d.name);
    for (const District& d : ledger.districts)
        units.emplace_back(d.id, d.name);
    return units;
}

//-----------------------------------------------------------------------------
// [SECTION] filter bar
//-----------------------------------------------------------------------------

bool FilterBar(const AppState& state, ProblemsBoardView& view)
{
    const Ledger& ledger = *CurrentLedger(state);
    const float em = ImGui::GetFontSize();
    ProblemFilter& f = view.filter;
    bool changed = false;
    if (view.focus_seen != state.focus_search_request) {
        view.focus_seen = state.focus_search_request;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(12 * em);
    changed |= ImGui::InputTextWithHint("##search", Tr(StrId::SearchProblemsHint), &f.text);
    ImGui::SameLine(0, em);
    changed |= MultiSelectCombo("##unit", StrId::ColUnit, Units(ledger), f.unit_ids, 8 * em);
    ImGui::SameLine(0, em);
    std::vector<std::pair<ProblemState, std::string>> states;
    for (ProblemState s : kAllProblemStates)
        states.emplace_back(s, Label(s));
    changed |= MultiSelectCombo("##state", StrId::ColState, states, f.states, 5 * em);
    ImGui::SameLine(0, em);
    std::vector<std::pair<ProblemCategory, std::string>> categories;
    for (ProblemCategory c : kAllProblemCategories)
        categories.emplace_back(c, Label(c));
    changed |= MultiSelectCombo("##category", StrId::ColCategory, categories, f.categories, 5 * em);
    ImGui::SameLine(0, em);
    ImGui::TextUnformatted(Tr(StrId::ColProject));
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(10 * em);
    const Project* chosen = f.project_id.empty() ? nullptr : FindProject(ledger, f.project_id);
    if (ImGui::BeginCombo("##project", chosen ? chosen->name.c_str() : Tr(StrId::FilterAll), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(Tr(StrId::FilterAll), f.project_id.empty())) {
            f.project_id.clear();
            changed = true;
        }
        // Only projects that have problems: a list of 10,000 names would help no one.
        std::vector<const Project*> with_problems;
        for (const Problem& p : ledger.problems)
            if (const Project* project = FindProject(ledger, p.project_id))
                if (std::find(with_problems.begin(), with_problems.end(), project) == with_problems.end())
                    with_problems.push_back(project);
        for (const Project* project : with_problems)
            if (ImGui::Selectable(project->name.c_str(), project->id == f.project_id)) {
                f.project_id = project->id;
                changed = true;
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, em);
    changed |= ImGui::Checkbox(Tr(StrId::FilterOpenOnly), &f.open_only);
    MarkItem("filter.open_only");
    ImGui::SameLine(0, em);
    changed |= ImGui::Checkbox(Tr(StrId::FilterOverdueOnly), &f.overdue_only);
    return changed;
}

//-----------------------------------------------------------------------------
// [SECTION] list
//-----------------------------------------------------------------------------

void ProblemList(const AppState& state, ProblemsBoardView& view, ImVec2 size)
{
    const Ledger& ledger = *CurrentLedger(state);
    const int due_days = ledger.settings.warnings.due_soon_days;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("problems", 7, flags, size))
        return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(Tr(StrId::ColProblem), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(Tr(StrId::ColProject), ImGuiTableColumnFlags_WidthFixed, 10 * em);
    ImGui::TableSetupColumn(Tr(StrId::ColCategory), ImGuiTableColumnFlags_WidthFixed, 4 * em);
    ImGui::TableSetupColumn(Tr(StrId::ColUnit), ImGuiTableColumnFlags_WidthFixed, 7 * em);
    ImGui::TableSetupColumn(Tr(StrId::ColDeadline), ImGuiTableColumnFlags_WidthFixed, 6 * em);
    ImGui::TableSetupColumn(Tr(StrId::ColState), ImGuiTableColumnFlags_WidthFixed, 4 * em);
    ImGui::TableSetupColumn(Tr(StrId::ColDue), ImGuiTableColumnFlags_WidthFixed, 5 * em);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Problem& p = ledger.problems[static_cast<std::size_t>(view.rows[static_cast<std::size_t>(i)])];
            const DueStatus due = ProblemDueStatus(p, view.rows_today, due_days);
            ImGui::TableNextRow();
            ImGui::PushID(i);
            ImGui::TableSetColumnIndex(0);
            if (ImGui::Selectable("##row", view.selected_id == p.id,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
                view.selected_id = p.id;
                view.action_open = false;
            }
            MarkItem("problem." + p.id);
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(p.text.c_str());
            ImGui::TableSetColumnIndex(1);
            const Project* project = FindProject(ledger, p.project_id);
            ImGui::TextUnformatted(project ? project->name.c_str() : p.project_id.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(Label(p.category));
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(ResponsibleUnitName(ledger, p.responsible_unit_id).c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextColored(DueColour(due), "%s", p.deadline.ToString().c_str());
            ImGui::TableSetColumnIndex(5);
            ImGui::TextUnformatted(Label(p.state));
            ImGui::TableSetColumnIndex(6);
            ImGui::TextColored(DueColour(due), "%s", Tr(DueLabel(due)));
            ImGui::PopID();
        }
    ImGui::EndTable();
}

//-----------------------------------------------------------------------------
// [SECTION] detail
//-----------------------------------------------------------------------------

void OpenActionForm(const AppState& state, ProblemsBoardView& view, ActionKind kind, const Problem& problem)
{
    view.action_open = true;
    view.action_kind = kind;
    view.action_date = LedgerToday(state);
    view.action_date_text = view.action_date->ToString();
    view.action_date_bad = false;
    // The responsible unit acts on its own problem (签收, 反馈); the office supervises and closes.
    view.action_by = kind == ActionKind::Accept || kind == ActionKind::Feedback
                         ? ResponsibleUnitName(*CurrentLedger(state), problem.responsible_unit_id)
                         : CurrentLedger(state)->meta.issuing_unit;
    view.action_text.clear();
}

void ActionForm(const AppState& state, ProblemsBoardView& view, CommandList& commands, const Problem& problem)
{
    const Ledger& ledger = *CurrentLedger(state);
    const float em = ImGui::GetFontSize();
    ImGui::Separator();
    ImGui::TextUnformatted(Format(Tr(StrId::ActionFormTitle), Label(view.action_kind)).c_str());
    ProblemActionInput input;
    input.kind = view.action_kind;
    input.date = view.action_date.value_or(Date{});
    input.by = view.action_by;
    input.text = view.action_text;
    const Findings findings = CheckProblemAction(ledger, problem.id, input);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(StrId::FieldDate));
    ImGui::SameLine(5 * em);
    DateField("action-date", view.action_date_text, view.action_date, false, view.action_date_bad, 8 * em);
    FieldFindings(findings, "date", false, view.action_date_bad ? Tr(StrId::BadDate) : nullptr);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(StrId::FieldBy));
    ImGui::SameLine(5 * em);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##by", &view.action_by);
    MarkItem("action.by");
    FieldFindings(findings, "by");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(view.action_kind == ActionKind::CloseOut ? StrId::FieldHowSolved : StrId::FieldNote));
    ImGui::SameLine(5 * em);
    ImGui::InputTextMultiline("##text", &view.action_text, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
    MarkItem("action.text");
    FieldFindings(findings, "text");
    FieldFindings(findings, "kind");

    ImGui::BeginDisabled(findings.HasErrors() || view.action_date_bad);
    const bool confirm = ImGui::Button(Tr(StrId::ButtonConfirm));
    MarkItem("action.confirm");
    if (confirm) {
        Command command{CommandKind::Edit};
        const std::string id = problem.id;
        command.edit = [id, input](EditHistory& h, const EditContext& c) { return h.ApplyProblemAction(c, id, input); };
        commands.push_back(std::move(command));
        view.action_open = false;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::ButtonCancel)))
        view.action_open = false;
}

void Detail(const AppState& state, ProblemsBoardView& view, CommandList& commands)
{
    const Ledger& ledger = *CurrentLedger(state);
    const Problem* problem = view.selected_id.empty() ? nullptr : FindProblem(ledger, view.selected_id);
    if (!problem) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::ProblemNothing));
        return;
    }
    const float wrap = ImGui::GetContentRegionAvail().x;
    const Project* project = FindProject(ledger, problem->project_id);
    ImGui::TextColored(theme::DimText(), "%s · %s · %s", problem->id.c_str(),
                       project ? project->name.c_str() : problem->project_id.c_str(), Label(problem->category));
    TextWrappedCjk(problem->text, wrap);
    const DueStatus due = ProblemDueStatus(*problem, view.rows_today, ledger.settings.warnings.due_soon_days);
    ImGui::TextUnformatted(Format(Tr(StrId::ProblemSummary), ResponsibleUnitName(ledger, problem->responsible_unit_id).c_str(),
                                  problem->assigned_date.ToString().c_str()).c_str());
    ImGui::SameLine();
    ImGui::TextColored(DueColour(due), "%s %s  %s", Tr(StrId::ColDeadline), problem->deadline.ToString().c_str(),
                       Tr(DueLabel(due)));
    ImGui::TextUnformatted(Format(Tr(StrId::ProblemStateLine), Label(problem->state)).c_str());

    // The lifecycle's actions: illegal ones disabled, the reason on hover.
    for (ActionKind kind : kAllActions) {
        if (kind == ActionKind::Assign)
            continue;
        const TransitionResult t = ApplyAction(problem->state, kind);
        const bool legal = t.next.has_value();
        ImGui::BeginDisabled(!legal);
        if (ImGui::Button(Label(kind)))
            OpenActionForm(state, view, kind, *problem);
        MarkItem(std::string("action.") + ToJsonText(kind));
        ImGui::EndDisabled();
        if (!legal && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", CurrentLanguage() == Language::English ? t.reason_en.c_str() : t.reason_zh.c_str());
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (view.action_open)
        ActionForm(state, view, commands, *problem);

    ImGui::Separator();
    ImGui::TextUnformatted(Tr(StrId::ProblemHistory));
    for (const ProblemAction& a : problem->history) {
        ImGui::TextColored(theme::Accent(), "%s", a.date.ToString().c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(Label(a.kind));
        ImGui::SameLine();
        ImGui::TextColored(theme::DimText(), "%s", a.by.c_str());
        if (!a.text.empty()) {
            ImGui::Indent(ImGui::GetFontSize());
            TextWrappedCjk(a.text, wrap - ImGui::GetFontSize());
            ImGui::Unindent(ImGui::GetFontSize());
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] assign form
//-----------------------------------------------------------------------------

void StartAssign(const AppState& state, ProblemsBoardView& view)
{
    const Ledger& ledger = *CurrentLedger(state);
    view.assign_open = true;
    view.assign = Problem{};
    view.assign.project_id = !state.selected_project_id.empty() ? state.selected_project_id
                             : !ledger.projects.empty() ? ledger.projects.front().id : std::string();
    if (!ledger.departments.empty())
        view.assign.responsible_unit_id = ledger.departments.front().id;
    view.assign_date = LedgerToday(state);
    view.assign_deadline = view.assign_date->AddDays(30);
    view.assign_date_text = view.assign_date->ToString();
    view.assign_deadline_text = view.assign_deadline->ToString();
    view.assign_date_bad = view.assign_deadline_bad = false;
    view.assign_by = ledger.meta.issuing_unit;
    view.assign_note.clear();
}

void AssignForm(const AppState& state, ProblemsBoardView& view, CommandList& commands)
{
    const Ledger& ledger = *CurrentLedger(state);
    const float em = ImGui::GetFontSize();
    Problem& draft = view.assign;
    draft.assigned_date = view.assign_date.value_or(Date{});
    draft.deadline = view.assign_deadline.value_or(Date{});
    // The problem as AssignProblem would make it, validated with the loader's rules.
    Problem preview = draft;
    preview.id = NewProblemId(ledger);
    ProblemAction first;
    first.id = "a-preview";
    first.kind = ActionKind::Assign;
    first.date = draft.assigned_date;
    first.by = view.assign_by;
    first.text = view.assign_note;
    preview.history = {first};
    preview.state = ProblemState::Assigned;
    const Findings findings = ValidateProblem(ledger, preview, "");

    const float label = 6 * em;
    auto row_label = [&](StrId id) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Tr(id));
        ImGui::SameLine(label);
    };
    row_label(StrId::ColProject);
    ImGui::SetNextItemWidth(-1);
    const Project* project = FindProject(ledger, draft.project_id);
    if (ImGui::BeginCombo("##project", project ? project->name.c_str() : "", ImGuiComboFlags_HeightLarge)) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(ledger.projects.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Project& p = ledger.projects[static_cast<std::size_t>(i)];
                ImGui::PushID(i);
                if (ImGui::Selectable(p.name.c_str(), p.id == draft.project_id))
                    draft.project_id = p.id;
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    FieldFindings(findings, "project_id");
    row_label(StrId::ColUnit);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##unit", ResponsibleUnitName(ledger, draft.responsible_unit_id).c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& [id, name] : Units(ledger))
            if (ImGui::Selectable(name.c_str(), id == draft.responsible_unit_id))
                draft.responsible_unit_id = id;
        ImGui::EndCombo();
    }
    FieldFindings(findings, "responsible_unit_id");
    row_label(StrId::ColCategory);
    ImGui::SetNextItemWidth(8 * em);
    if (ImGui::BeginCombo("##category", Label(draft.category))) {
        for (ProblemCategory c : kAllProblemCategories)
            if (ImGui::Selectable(Label(c), c == draft.category))
                draft.category = c;
        ImGui::EndCombo();
    }
    row_label(StrId::ColProblem);
    ImGui::InputTextMultiline("##text", &draft.text, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
    FieldFindings(findings, "text");
    row_label(StrId::FieldAssignedDate);
    DateField("assigned", view.assign_date_text, view.assign_date, false, view.assign_date_bad, 8 * em);
    FieldFindings(findings, "assigned_date", false, view.assign_date_bad ? Tr(StrId::BadDate) : nullptr);
    row_label(StrId::ColDeadline);
    DateField("deadline", view.assign_deadline_text, view.assign_deadline, false, view.assign_deadline_bad, 8 * em);
    FieldFindings(findings, "deadline", false, view.assign_deadline_bad ? Tr(StrId::BadDate) : nullptr);
    row_label(StrId::FieldBy);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##by", &view.assign_by);
    row_label(StrId::FieldNote);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##note", &view.assign_note);
    FieldFindings(findings, "history", true);

    const bool ok = !findings.HasErrors() && !view.assign_date_bad && !view.assign_deadline_bad && !draft.text.empty();
    ImGui::BeginDisabled(!ok);
    if (ImGui::Button(Tr(StrId::ButtonAssign))) {
        Command command{CommandKind::Edit};
        const Problem d = draft;
        const std::string by = view.assign_by, note = view.assign_note;
        command.edit = [d, by, note](EditHistory& h, const EditContext& c) { return h.AssignProblem(c, d, by, note); };
        commands.push_back(std::move(command));
        view.assign_open = false;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::ButtonCancel)))
        view.assign_open = false;
}

} // namespace

void DrawProblemsBoard(const AppState& state, ProblemsBoardView& view, CommandList& commands, float reserve_bottom)
{
    const Ledger& ledger = *CurrentLedger(state);
    if (FilterBar(state, view))
        view.rows_stale = true;
    const Date today = LedgerToday(state);
    if (view.rows_stale || view.rows_generation != LedgerGeneration(state) || view.rows_today != today) {
        view.rows = FilterProblems(ledger, view.filter, today);
        view.rows_generation = LedgerGeneration(state);
        view.rows_today = today;
        view.rows_stale = false;
    }
    if (ImGui::Button(Tr(StrId::ButtonNewProblem)))
        StartAssign(state, view);
    ImGui::SameLine();
    ImGui::TextColored(theme::DimText(), "%s",
                       Format(Tr(StrId::ProblemsShowing), static_cast<int>(view.rows.size()),
                              static_cast<int>(ledger.problems.size()), today.ToString().c_str()).c_str());

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = std::max(avail.y - reserve_bottom, ImGui::GetFrameHeight() * 4);
    const float detail_width = std::min(30 * ImGui::GetFontSize(), avail.x * 0.45f);
    ProblemList(state, view, ImVec2(avail.x - detail_width - ImGui::GetStyle().ItemSpacing.x, height));
    ImGui::SameLine();
    ImGui::BeginChild("##problem-detail", ImVec2(detail_width, height), true);
    if (view.assign_open) {
        ImGui::TextUnformatted(Tr(StrId::AssignTitle));
        ImGui::Separator();
        AssignForm(state, view, commands);
    } else {
        Detail(state, view, commands);
    }
    ImGui::EndChild();
}

} // namespace kpl::ui
