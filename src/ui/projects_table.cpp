// Draws the projects view: filter bar, actions, column menu, and the table from precomputed rows.
// Everything per row here is layout (texts, alignment, colours); the figures come from
// project_rows and core's query.h.
#include "projects_table.h"

#include <algorithm>
#include <type_traits>
#include <unordered_set>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "format.h"
#include "labels.h"
#include "multi_select_combo.h"
#include "strings.h"
#include "text_wrap.h"
#include "test_marks.h"
#include "theme.h"

namespace kpl::ui {

namespace {

using Col = ProjectColumn;
constexpr int kColumnCount = static_cast<int>(Col::Count);

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable |
    ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
    ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
    ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings;

// The table's columns in their initial order. The table's column index is the position here; the
// column's user ID is the core column, which sort specs hand back.
struct ColumnDef {
    Col column;
    StrId header;
    float max_em;          // the initial width fits the content up to this many em
    bool shown;            // shown by default; the others are offered in the column menu
    bool bigger_first;     // numbers: first click sorts descending
};

constexpr ColumnDef kColumns[] = {
    {Col::Seq, StrId::ColSeq, 6, true, false},
    {Col::Name, StrId::ColName, 30, true, false},
    {Col::Code, StrId::ColCode, 14, false, false},
    {Col::Category, StrId::ColCategory, 8, false, false},
    {Col::District, StrId::ColDistrict, 10, true, false},
    {Col::Department, StrId::ColDepartment, 12, true, false},
    {Col::CityLeader, StrId::ColLeader, 14, true, false},
    {Col::Plan, StrId::ColPlan, 12, true, true},
    {Col::CompletedThisYear, StrId::ColCompleted, 12, true, true},
    {Col::PercentOfPlan, StrId::ColPercent, 6, true, true},
    {Col::TotalInvestment, StrId::ColTotalInvestment, 12, false, true},
    {Col::FundsInPlaceRate, StrId::ColFundsRate, 6, false, true},
    {Col::LatestPercentComplete, StrId::ColLatestPercent, 6, false, true},
    {Col::Status, StrId::ColStatus, 6, true, false},
    {Col::CompletionTarget, StrId::ColTarget, 4, true, true},
};
static_assert(sizeof(kColumns) / sizeof(kColumns[0]) == kColumnCount, "every core column has a definition");

int TableIndexOf(Col column)
{
    for (int i = 0; i < kColumnCount; ++i)
        if (kColumns[i].column == column)
            return i;
    return 0;
}

void TextRight(const char* text)
{
    const float width = ImGui::CalcTextSize(text).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width)
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::TextUnformatted(text);
}

void TextCentered(const char* text)
{
    const float width = ImGui::CalcTextSize(text).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width)
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
    ImGui::TextUnformatted(text);
}

// The % of plan cell: a faint bar behind the right-aligned figure, capped at a full cell.
void PercentCell(const std::optional<double>& percent, const std::string& text)
{
    if (percent && *percent > 0) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const float fraction = static_cast<float>(std::min(*percent, 100.0) / 100.0);
        const float height = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width * fraction, pos.y + height),
                                                  theme::PercentBar(), 2.0f);
    }
    TextRight(text.c_str());
}

// "仅显示：开工率 分子 · 2016年9月（12 个项目）  ✕ 清除": what a drill-down narrowed the rows to.
void DrillDownChip(const AppState& state, CommandList& commands)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string text = Format(Tr(StrId::DrillShowingOnly), state.drill_down_title.c_str(),
                                    static_cast<int>(state.drill_down_ids.size()));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(text.c_str()).x + ImGui::CalcTextSize(Tr(StrId::DrillClear)).x +
                        4 * style.FramePadding.x + 3 * style.ItemSpacing.x;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + ImGui::GetFrameHeight()),
                                              theme::TotalsRowBg(), ImGui::GetFrameHeight() / 2);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + style.FramePadding.x * 2, origin.y));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::WarningText(), "%s", text.c_str());
    MarkItem("drilldown.chip");
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::DrillClear)))
        commands.push_back({CommandKind::DrillDown});
    MarkItem("drilldown.clear");
}

void UpdateFilterChoices(const AppState& state, ProjectsTableView& view)
{
    const uint64_t generation = LedgerGeneration(state);
    if (view.choices_generation == generation)
        return;
    const Ledger& ledger = *CurrentLedger(state);
    view.district_choices.clear();
    for (const District& d : ledger.districts)
        view.district_choices.emplace_back(d.id, d.name);
    view.department_choices.clear();
    for (const Department& d : ledger.departments)
        view.department_choices.emplace_back(d.id, d.name);
    view.leader_choices.clear();
    for (const CityLeader& l : ledger.city_leaders)
        view.leader_choices.emplace_back(l.id, l.title);
    view.category_choices.clear();
    for (const std::string& c : ProjectCategories(ledger))
        view.category_choices.emplace_back(c, c);
    view.choices_generation = generation;
}

bool FilterBar(const AppState& state, ProjectsTableView& view)
{
    const float em = ImGui::GetFontSize();
    bool changed = false;
    ProjectFilter& f = view.filter;

    // The search box first: Ctrl+F lands here.
    if (view.focus_seen != state.focus_search_request) {
        view.focus_seen = state.focus_search_request;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(16 * em);
    changed |= ImGui::InputTextWithHint("##search", Tr(StrId::SearchHint), &f.text);
    MarkItem("search");
    ImGui::SameLine(0, em);

    UpdateFilterChoices(state, view);
    changed |= MultiSelectCombo("##district", StrId::ColDistrict, view.district_choices, f.district_ids, 7 * em);
    ImGui::SameLine(0, em);
    changed |= MultiSelectCombo("##department", StrId::FilterDepartment, view.department_choices, f.department_ids, 8 * em);
    ImGui::SameLine(0, em);
    changed |= MultiSelectCombo("##leader", StrId::ColLeader, view.leader_choices, f.city_leader_ids, 8 * em);
    ImGui::SameLine(0, em);
    std::vector<std::pair<ProjectStatus, std::string>> statuses;
    for (ProjectStatus s : kAllStatuses)
        statuses.emplace_back(s, Label(s));
    changed |= MultiSelectCombo("##status", StrId::ColStatus, statuses, f.statuses, 5 * em);
    ImGui::SameLine(0, em);
    changed |= MultiSelectCombo("##category", StrId::ColCategory, view.category_choices, f.categories, 6 * em);
    ImGui::SameLine(0, em);

    ImGui::TextUnformatted(Tr(StrId::ColTarget));
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(4 * em);
    const char* target_preview = !f.completion_target ? Tr(StrId::FilterAll)
                                 : *f.completion_target ? Tr(StrId::Yes) : Tr(StrId::No);
    if (ImGui::BeginCombo("##target", target_preview)) {
        if (ImGui::Selectable(Tr(StrId::FilterAll), !f.completion_target)) { f.completion_target.reset(); changed = true; }
        if (ImGui::Selectable(Tr(StrId::Yes), f.completion_target == true)) { f.completion_target = true; changed = true; }
        if (ImGui::Selectable(Tr(StrId::No), f.completion_target == false)) { f.completion_target = false; changed = true; }
        ImGui::EndCombo();
    }
    if (!f.IsEmpty()) {
        ImGui::SameLine(0, em);
        if (ImGui::SmallButton(Tr(StrId::FilterClear))) {
            f = ProjectFilter{};
            changed = true;
        }
    }
    return changed;
}

void ColumnMenuItems(ProjectsTableView& view)
{
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::ColumnsHint));
    ImGui::Separator();
    for (const ColumnDef& def : kColumns) {
        const int c = static_cast<int>(def.column);
        const bool fixed = def.column == Col::Seq || def.column == Col::Name;
        if (ImGui::MenuItem(Tr(def.header), nullptr, view.visible[c], !fixed)) {
            view.visible[c] = !view.visible[c];
            view.apply_visibility = true;
        }
    }
    ImGui::Separator();
    if (ImGui::MenuItem(Tr(StrId::ColumnsReset))) {
        for (const ColumnDef& def : kColumns)
            view.visible[static_cast<int>(def.column)] = def.shown;
        view.apply_visibility = true;
        ++view.measured_for;  // a new table ID: widths and order start over
    }
}

void ActionBar(const AppState& state, ProjectsTableView& view, CommandList& commands)
{
    const Ledger& ledger = *CurrentLedger(state);
    const Project* selected = state.selected_project_id.empty() ? nullptr : FindProject(ledger, state.selected_project_id);
    const bool add = ImGui::Button(Tr(StrId::ButtonAddProject));
    MarkItem("button.add_project");
    if (add) {
        Project draft;
        draft.name = Tr(StrId::NewProjectName);
        draft.start_year = ledger.meta.year;
        if (!ledger.districts.empty())
            draft.district_id = ledger.districts.front().id;
        if (!ledger.departments.empty())
            draft.department_id = ledger.departments.front().id;
        if (!ledger.city_leaders.empty())
            draft.city_leader_id = ledger.city_leaders.front().id;
        Command command{CommandKind::Edit};
        command.edit = [draft](EditHistory& h, const EditContext& c) { return h.AddProject(c, draft); };
        command.open_editor = true;
        commands.push_back(std::move(command));
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!selected);
    const bool edit = ImGui::Button(Tr(StrId::ButtonEditProject));
    MarkItem("button.edit_project");
    if (edit && selected)
        commands.push_back({CommandKind::SelectProject, {}, selected->id, true});
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::ButtonRemoveProject)))
        view.confirm_remove = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::ButtonColumns)))
        ImGui::OpenPopup("##columns");
    if (ImGui::BeginPopup("##columns")) {
        ColumnMenuItems(view);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::TextColored(theme::DimText(), "%s",
                       Format(Tr(StrId::FilterShowing), static_cast<int>(view.rows.size()),
                              static_cast<int>(ledger.projects.size())).c_str());

    if (view.confirm_remove) {
        ImGui::OpenPopup(Tr(StrId::RemoveProjectTitle));
        view.confirm_remove = false;
    }
    if (ImGui::BeginPopupModal(Tr(StrId::RemoveProjectTitle), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (selected) {
            std::size_t problems = 0;
            for (const Problem& p : ledger.problems)
                problems += p.project_id == selected->id ? 1 : 0;
            ImGui::TextUnformatted(Format(Tr(StrId::RemoveProjectText), selected->name.c_str(),
                                          static_cast<int>(problems)).c_str());
            if (ImGui::Button(Tr(StrId::ButtonRemove))) {
                const std::string id = selected->id;
                Command command{CommandKind::Edit};
                command.edit = [id](EditHistory& h, const EditContext& c) { return h.RemoveProject(c, id); };
                commands.push_back(std::move(command));
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
        }
        if (ImGui::Button(Tr(StrId::ButtonCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// Measures the widest content of each column once per file and language: the initial widths then
// fit the data and follow the font.
void MeasureColumns(const AppState& state, ProjectsTableView& view)
{
    auto width = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
    std::fill(view.widest, view.widest + kColumnCount, 0.0f);
    auto grow = [&](Col column, float w) {
        float& slot = view.widest[static_cast<int>(column)];
        slot = std::max(slot, w);
    };
    grow(Col::Seq, width(Format("%d", static_cast<int>(state.table.rows.size()))));
    grow(Col::Seq, width(Tr(StrId::TotalsLabel)));
    grow(Col::Name, width(Format(Tr(StrId::TotalsProjects), static_cast<int>(state.table.rows.size()))));
    for (Col c : {Col::PercentOfPlan, Col::FundsInPlaceRate, Col::LatestPercentComplete})
        grow(c, width("100.0%"));
    for (ProjectStatus s : kAllStatuses)
        grow(Col::Status, width(Label(s)));
    for (const ProjectRow& row : state.table.rows) {
        grow(Col::Name, width(row.name));
        grow(Col::Code, width(row.code));
        grow(Col::Category, width(row.category));
        grow(Col::District, width(row.district));
        grow(Col::Department, width(row.department));
        grow(Col::CityLeader, width(row.leader));
        grow(Col::Plan, width(row.plan_text));
        grow(Col::CompletedThisYear, width(row.completed_text));
        grow(Col::TotalInvestment, width(row.total_text));
    }
    // Totals are wider than any row.
    grow(Col::Plan, width(state.summary.annual_plan.ToDisplay()) * 1.1f);
    grow(Col::CompletedThisYear, width(state.summary.completed_this_year.ToDisplay()) * 1.1f);
}

float InitialWidth(const ProjectsTableView& view, const ColumnDef& def)
{
    const float em = ImGui::GetFontSize();
    const float arrow = em + ImGui::GetStyle().ItemInnerSpacing.x;  // room for the sort arrow
    const float content = std::min(view.widest[static_cast<int>(def.column)], def.max_em * em);
    return std::max(ImGui::CalcTextSize(Tr(def.header)).x + arrow, content);
}

void SetupColumns(const ProjectsTableView& view)
{
    for (const ColumnDef& def : kColumns) {
        ImGuiTableColumnFlags flags = ImGuiTableColumnFlags_WidthFixed;
        if (def.column == Col::Seq || def.column == Col::Name)
            flags |= ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_NoReorder;
        if (def.column == Col::Seq)
            flags |= ImGuiTableColumnFlags_DefaultSort;
        if (def.bigger_first)
            flags |= ImGuiTableColumnFlags_PreferSortDescending;
        if (!def.shown)
            flags |= ImGuiTableColumnFlags_DefaultHide;
        float width = InitialWidth(view, def);
        if (def.column == Col::Name)
            width = std::max(width, 12 * ImGui::GetFontSize());
        ImGui::TableSetupColumn(Tr(def.header), flags, width, static_cast<ImGuiID>(def.column));
    }
}

// The header row, with the app's own column menu on right-click: ImGui's built-in one has fixed
// English items, and every string of the app comes from the catalogue.
void HeaderRow(ProjectsTableView& view)
{
    ImGuiIO& io = ImGui::GetIO();
    const bool right_released = io.MouseReleased[ImGuiMouseButton_Right];
    io.MouseReleased[ImGuiMouseButton_Right] = false;
    ImGui::TableHeadersRow();
    io.MouseReleased[ImGuiMouseButton_Right] = right_released;
    const float header_bottom = ImGui::GetItemRectMax().y;
    bool over_header = false;
    for (int i = 0; i < kColumnCount; ++i)
        over_header |= (ImGui::TableGetColumnFlags(i) & ImGuiTableColumnFlags_IsHovered) != 0;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Right) && over_header && io.MousePos.y <= header_bottom)
        ImGui::OpenPopup("##column-menu");
    if (ImGui::BeginPopup("##column-menu")) {
        ColumnMenuItems(view);
        ImGui::EndPopup();
    }
}

void ReadSortSpecs(ProjectsTableView& view)
{
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty)
        return;
    view.sort_keys.clear();
    for (int i = 0; i < specs->SpecsCount; ++i) {
        const ImGuiTableColumnSortSpecs& spec = specs->Specs[i];
        view.sort_keys.push_back({static_cast<Col>(spec.ColumnUserID),
                                  spec.SortDirection == ImGuiSortDirection_Descending});
    }
    specs->SpecsDirty = false;
    view.rows_stale = true;
}


void TotalsRow(const ProjectTotals& totals)
{
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, theme::TotalsRowBg());
    auto cell = [](Col c) { return ImGui::TableSetColumnIndex(TableIndexOf(c)); };
    if (cell(Col::Seq))
        ImGui::TextUnformatted(Tr(StrId::TotalsLabel));
    if (cell(Col::Name))
        ImGui::TextUnformatted(Format(Tr(StrId::TotalsProjects), totals.project_count).c_str());
    if (cell(Col::Plan))
        TextRight(totals.plan_text.c_str());
    if (cell(Col::CompletedThisYear))
        TextRight(totals.completed_text.c_str());
    if (cell(Col::PercentOfPlan))
        PercentCell(totals.percent, totals.percent_text);
    if (cell(Col::TotalInvestment))
        TextRight(totals.total_text.c_str());
    if (cell(Col::FundsInPlaceRate))
        TextRight(totals.funds_rate_text.c_str());
    if (cell(Col::CompletionTarget))
        TextCentered(Format("%d", totals.target_count).c_str());
}

void NameTooltip(const Project& project)
{
    const float wrap = ImGui::GetFontSize() * 28;
    ImGui::BeginTooltip();
    TextWrappedCjk(project.name, wrap);
    ImGui::Separator();
    const float label_width = ImGui::CalcTextSize(Tr(StrId::TipPlannedCompletion)).x + ImGui::GetStyle().ItemSpacing.x;
    auto line = [&](StrId label, const std::string& value) {
        if (value.empty())
            return;
        ImGui::TextColored(theme::DimText(), "%s", Tr(label));
        ImGui::SameLine(label_width + ImGui::GetStyle().WindowPadding.x);
        ImGui::BeginGroup();
        TextWrappedCjk(value, wrap - label_width);
        ImGui::EndGroup();
    };
    line(StrId::TipCode, project.code);
    line(StrId::TipCategory, project.category);
    line(StrId::TipOwner, project.owner_unit);
    line(StrId::TipResponsible, project.responsible_person);
    line(StrId::TipPlannedCompletion, project.planned_completion ? project.planned_completion->ToString() : "");
    line(StrId::TipContent, project.content);
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::TipDoubleClick));
    ImGui::EndTooltip();
}

void ProjectRowCells(const AppState& state, const ProjectRow& row, CommandList& commands)
{
    ImGui::TableNextRow();
    ImGui::PushID(row.seq);
    auto cell = [](Col c) { return ImGui::TableSetColumnIndex(TableIndexOf(c)); };

    cell(Col::Seq);
    // One selectable spanning the row gives the hover highlight and selection; cells draw over it.
    const bool selected = state.selected_project_id == row.id;
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns |
                                                 ImGuiSelectableFlags_AllowItemOverlap |
                                                 ImGuiSelectableFlags_AllowDoubleClick)) {
        const bool open = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        commands.push_back({CommandKind::SelectProject, {}, row.id, open});
    }
    MarkItem("project." + row.id);
    ImGui::SameLine(0, 0);
    TextRight(Format("%d", row.seq).c_str());

    if (cell(Col::Name)) {
        ImGui::TextUnformatted(row.name.c_str());
        if (ImGui::IsItemHovered() && row.seq >= 1)
            NameTooltip(CurrentLedger(state)->projects[static_cast<std::size_t>(row.seq - 1)]);
    }
    if (cell(Col::Code))
        ImGui::TextUnformatted(row.code.c_str());
    if (cell(Col::Category))
        ImGui::TextUnformatted(row.category.c_str());
    if (cell(Col::District))
        ImGui::TextUnformatted(row.district.c_str());
    if (cell(Col::Department))
        ImGui::TextUnformatted(row.department.c_str());
    if (cell(Col::CityLeader))
        ImGui::TextUnformatted(row.leader.c_str());
    if (cell(Col::Plan))
        TextRight(row.plan_text.c_str());
    if (cell(Col::CompletedThisYear))
        TextRight(row.completed_text.c_str());
    if (cell(Col::PercentOfPlan))
        PercentCell(row.percent, row.percent_text);
    if (cell(Col::TotalInvestment))
        TextRight(row.total_text.c_str());
    if (cell(Col::FundsInPlaceRate))
        TextRight(row.funds_rate_text.c_str());
    if (cell(Col::LatestPercentComplete))
        TextRight(row.latest_text.c_str());
    if (cell(Col::Status)) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::StatusColor(row.status));
        ImGui::TextUnformatted(Label(row.status));
        ImGui::PopStyleColor();
    }
    if (cell(Col::CompletionTarget)) {
        ImGui::PushStyleColor(ImGuiCol_Text, row.completion_target ? theme::TargetMark() : theme::DimText());
        TextCentered(Tr(row.completion_target ? StrId::TargetYes : StrId::TargetNo));
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

} // namespace

// Filter, sort and total through core, when the ledger, the filter or the sort changed.
void UpdateProjectRows(const AppState& state, ProjectsTableView& view)
{
    const Ledger& ledger = *CurrentLedger(state);
    const uint64_t generation = LedgerGeneration(state);
    const bool drill_changed =
        view.drill_applied != state.drill_down_active || view.drill_ids_applied != state.drill_down_ids;
    if (!view.rows_stale && !drill_changed && view.rows_generation == generation)
        return;
    // The search index (every project's text, lowercased) costs tens of milliseconds on a big
    // ledger: built when a search needs it, not on every open or edit.
    if (!view.filter.text.empty())
        view.index.Update(ledger, generation);
    view.rows = FilterProjects(ledger, view.filter, view.index);
    // A drill-down narrows the filtered rows further to the figure's projects.
    if (state.drill_down_active) {
        const std::unordered_set<std::string> wanted(state.drill_down_ids.begin(), state.drill_down_ids.end());
        view.rows.erase(std::remove_if(view.rows.begin(), view.rows.end(),
                                       [&](int row) {
                                           return wanted.count(ledger.projects[static_cast<std::size_t>(row)].id) == 0;
                                       }),
                        view.rows.end());
    }
    view.drill_applied = state.drill_down_active;
    view.drill_ids_applied = state.drill_down_ids;
    SortTableRows(ledger, state.table, view.sort_keys, view.rows);
    view.totals = FormatTotals(SumProjects(ledger, view.rows, ledger.meta.as_of), Tr(StrId::NoValue));
    view.rows_generation = generation;
    view.rows_stale = false;
}

void DrawProjectsView(const AppState& state, ProjectsTableView& view, CommandList& commands, float reserve_bottom)
{
    if (!view.visibility_set) {
        for (const ColumnDef& def : kColumns)
            view.visible[static_cast<int>(def.column)] = def.shown;
        view.visibility_set = true;
    }
    if (state.drill_down_active)
        DrillDownChip(state, commands);
    if (FilterBar(state, view))
        view.rows_stale = true;
    ActionBar(state, view, commands);
    UpdateProjectRows(state, view);

    const uint64_t measure_key = state.file_generation * 2 + (CurrentLanguage() == Language::English ? 1 : 0);
    if (view.measured_for != measure_key) {
        MeasureColumns(state, view);
        view.measured_for = measure_key;
        view.apply_visibility = true;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, std::max(avail.y - reserve_bottom, ImGui::GetFrameHeight() * 4));
    // A table per file and language (its ID includes both): a newly opened file starts with widths
    // fitted to its own data; edits keep the user's layout.
    ImGui::PushID(static_cast<int>(view.measured_for));
    if (!ImGui::BeginTable("projects", kColumnCount, kTableFlags, size)) {
        ImGui::PopID();
        return;
    }
    // Frozen: the 序号 and 名称 columns (never reordered), the header row and the totals row.
    ImGui::TableSetupScrollFreeze(2, 2);
    SetupColumns(view);
    if (view.apply_visibility) {
        for (int i = 0; i < kColumnCount; ++i)
            ImGui::TableSetColumnEnabled(i, view.visible[static_cast<int>(kColumns[i].column)]);
        view.apply_visibility = false;
    }
    HeaderRow(view);
    ReadSortSpecs(view);
    UpdateProjectRows(state, view);
    TotalsRow(view.totals);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            ProjectRowCells(state, state.table.rows[static_cast<std::size_t>(view.rows[static_cast<std::size_t>(i)])],
                            commands);
    }
    // Enter opens the selected project, as a double-click does (not while typing in the search).
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !ImGui::GetIO().WantTextInput &&
        !state.selected_project_id.empty() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
        commands.push_back({CommandKind::SelectProject, {}, state.selected_project_id, true});
    ImGui::EndTable();
    ImGui::PopID();
}

} // namespace kpl::ui
