// Draws the projects table from precomputed rows. Everything per row here is layout: texts,
// alignment, colours; the figures come from project_rows (which takes them from core).
#include "projects_table.h"

#include <algorithm>

#include "imgui.h"

#include "format.h"
#include "strings.h"
#include "text_wrap.h"
#include "theme.h"

namespace kpl::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable | ImGuiTableFlags_Sortable |
    ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
    ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
    ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings;

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

// Measures the widest content of each column once per ledger: the initial widths then fit the
// data and follow the font and the language.
void MeasureColumns(const AppState& state, ProjectsTableView& view)
{
    auto width = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
    float* widest = view.widest;
    std::fill(widest, widest + static_cast<int>(ProjectColumn::Count), 0.0f);
    auto grow = [&](ProjectColumn column, float w) {
        float& slot = widest[static_cast<int>(column)];
        slot = std::max(slot, w);
    };
    const ProjectTotals& totals = state.table.totals;
    grow(ProjectColumn::Seq, width(Format("%d", totals.project_count)));
    grow(ProjectColumn::Seq, width(Tr(StrId::TotalsLabel)));
    grow(ProjectColumn::Name, width(Format(Tr(StrId::TotalsProjects), totals.project_count)));
    grow(ProjectColumn::Plan, width(totals.plan_text));
    grow(ProjectColumn::Completed, width(totals.completed_text));
    grow(ProjectColumn::Percent, width(totals.percent_text));
    grow(ProjectColumn::Percent, width("100.0%"));
    grow(ProjectColumn::Target, width(Format("%d", totals.target_count)));
    for (ProjectStatus s : {ProjectStatus::NotStarted, ProjectStatus::UnderConstruction, ProjectStatus::Completed,
                            ProjectStatus::Commissioned})
        grow(ProjectColumn::Status, width(ChineseLabel(s)));
    for (const ProjectRow& row : state.table.rows) {
        grow(ProjectColumn::Name, width(row.name));
        grow(ProjectColumn::District, width(row.district));
        grow(ProjectColumn::Department, width(row.department));
        grow(ProjectColumn::Leader, width(row.leader));
        grow(ProjectColumn::Plan, width(row.plan_text));
        grow(ProjectColumn::Completed, width(row.completed_text));
        grow(ProjectColumn::Percent, width(row.percent_text));
    }
    view.measured_generation = state.ledger_generation;
}

// Initial widths of the fixed columns, and the least width the name column should keep.
struct ColumnWidths {
    float fixed[static_cast<int>(ProjectColumn::Count)] = {};  // unused for Name
    float name_min = 0;
    float total_min = 0;  // all columns at these widths, with cell padding and borders
};

ColumnWidths ComputeWidths(const ProjectsTableView& view)
{
    using Col = ProjectColumn;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float arrow = em + style.ItemInnerSpacing.x;  // room for the sort arrow in the header
    auto width_of = [&](Col column, StrId header, float max_em) {
        const float content = std::min(view.widest[static_cast<int>(column)], max_em * em);
        return std::max(ImGui::CalcTextSize(Tr(header)).x + arrow, content);
    };
    ColumnWidths w;
    auto set = [&](Col column, float width) { w.fixed[static_cast<int>(column)] = width; };
    set(Col::Seq, width_of(Col::Seq, StrId::ColSeq, 6));
    set(Col::District, width_of(Col::District, StrId::ColDistrict, 10));
    set(Col::Department, width_of(Col::Department, StrId::ColDepartment, 12));
    set(Col::Leader, width_of(Col::Leader, StrId::ColLeader, 14));
    set(Col::Plan, width_of(Col::Plan, StrId::ColPlan, 12));
    set(Col::Completed, width_of(Col::Completed, StrId::ColCompleted, 12));
    set(Col::Percent, width_of(Col::Percent, StrId::ColPercent, 6));
    set(Col::Status, width_of(Col::Status, StrId::ColStatus, 6));
    set(Col::Target, width_of(Col::Target, StrId::ColTarget, 4));
    // Names keep at least 12 em (or their widest, if shorter) before the table scrolls sideways.
    w.name_min = std::min(width_of(Col::Name, StrId::ColName, 30), 12 * em);
    w.total_min = w.name_min;
    for (float f : w.fixed)
        w.total_min += f;
    w.total_min += (style.CellPadding.x * 2 + 1) * static_cast<float>(Col::Count);
    return w;
}

void SetupColumns(const ColumnWidths& w)
{
    using Col = ProjectColumn;
    const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed;
    const ImGuiTableColumnFlags pinned = ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_NoReorder;
    const ImGuiTableColumnFlags bigger_first = ImGuiTableColumnFlags_PreferSortDescending;
    auto id = [](Col c) { return static_cast<ImGuiID>(c); };
    auto width = [&](Col c) { return w.fixed[static_cast<int>(c)]; };
    ImGui::TableSetupColumn(Tr(StrId::ColSeq), fixed | pinned | ImGuiTableColumnFlags_DefaultSort, width(Col::Seq),
                            id(Col::Seq));
    // The name stretches: a wide window gives it the room, a narrow one scrolls sideways.
    ImGui::TableSetupColumn(Tr(StrId::ColName), ImGuiTableColumnFlags_WidthStretch | pinned, 1.0f, id(Col::Name));
    ImGui::TableSetupColumn(Tr(StrId::ColDistrict), fixed, width(Col::District), id(Col::District));
    ImGui::TableSetupColumn(Tr(StrId::ColDepartment), fixed, width(Col::Department), id(Col::Department));
    ImGui::TableSetupColumn(Tr(StrId::ColLeader), fixed, width(Col::Leader), id(Col::Leader));
    ImGui::TableSetupColumn(Tr(StrId::ColPlan), fixed | bigger_first, width(Col::Plan), id(Col::Plan));
    ImGui::TableSetupColumn(Tr(StrId::ColCompleted), fixed | bigger_first, width(Col::Completed), id(Col::Completed));
    ImGui::TableSetupColumn(Tr(StrId::ColPercent), fixed | bigger_first, width(Col::Percent), id(Col::Percent));
    ImGui::TableSetupColumn(Tr(StrId::ColStatus), fixed, width(Col::Status), id(Col::Status));
    ImGui::TableSetupColumn(Tr(StrId::ColTarget), fixed | bigger_first, width(Col::Target), id(Col::Target));
}

void HeaderRow()
{
    // ImGui's own table context menu (right-click on a header) has fixed English items; the app's
    // strings all come from the catalogue, so that right-click is kept from the header row.
    ImGuiIO& io = ImGui::GetIO();
    const bool right_released = io.MouseReleased[ImGuiMouseButton_Right];
    io.MouseReleased[ImGuiMouseButton_Right] = false;
    ImGui::TableHeadersRow();
    io.MouseReleased[ImGuiMouseButton_Right] = right_released;
}

void UpdateSortOrder(const AppState& state, ProjectsTableView& view)
{
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    const bool ledger_changed = view.generation != state.ledger_generation;
    if (specs && specs->SpecsDirty) {
        view.sort_keys.clear();
        for (int i = 0; i < specs->SpecsCount; ++i) {
            const ImGuiTableColumnSortSpecs& spec = specs->Specs[i];
            view.sort_keys.push_back({static_cast<ProjectColumn>(spec.ColumnUserID),
                                      spec.SortDirection == ImGuiSortDirection_Descending});
        }
        specs->SpecsDirty = false;
    } else if (!ledger_changed && view.order.size() == state.table.rows.size()) {
        return;
    }
    if (ledger_changed)
        view.selected_seq = 0;
    view.generation = state.ledger_generation;
    SortRows(state.table, view.sort_keys, view.order);
}

void TotalsRow(const ProjectTotals& totals)
{
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, theme::TotalsRowBg());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Seq));
    ImGui::TextUnformatted(Tr(StrId::TotalsLabel));
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Name));
    ImGui::TextUnformatted(Format(Tr(StrId::TotalsProjects), totals.project_count).c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Plan));
    TextRight(totals.plan_text.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Completed));
    TextRight(totals.completed_text.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Percent));
    PercentCell(totals.percent, totals.percent_text);
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Target));
    TextCentered(Format("%d", totals.target_count).c_str());
}

void NameTooltip(const Project& project)
{
    const float wrap = ImGui::GetFontSize() * 28;
    ImGui::BeginTooltip();
    TextWrappedCjk(project.name, wrap);
    ImGui::Separator();
    // label, then its value wrapped in a column of its own
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
    ImGui::EndTooltip();
}

void ProjectRowCells(const AppState& state, const ProjectRow& row, ProjectsTableView& view)
{
    ImGui::TableNextRow();
    ImGui::PushID(row.seq);

    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Seq));
    // One selectable spanning the row gives the hover highlight and selection; cells draw over it.
    const bool selected = view.selected_seq == row.seq;
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        view.selected_seq = row.seq;
    ImGui::SameLine(0, 0);
    TextRight(Format("%d", row.seq).c_str());

    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Name));
    ImGui::TextUnformatted(row.name.c_str());
    if (ImGui::IsItemHovered() && state.ledger && row.seq >= 1 &&
        static_cast<size_t>(row.seq) <= state.ledger->projects.size())
        NameTooltip(state.ledger->projects[static_cast<size_t>(row.seq - 1)]);

    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::District));
    ImGui::TextUnformatted(row.district.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Department));
    ImGui::TextUnformatted(row.department.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Leader));
    ImGui::TextUnformatted(row.leader.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Plan));
    TextRight(row.plan_text.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Completed));
    TextRight(row.completed_text.c_str());
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Percent));
    PercentCell(row.percent, row.percent_text);
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Status));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::StatusColor(row.status));
    ImGui::TextUnformatted(ChineseLabel(row.status));
    ImGui::PopStyleColor();
    ImGui::TableSetColumnIndex(static_cast<int>(ProjectColumn::Target));
    if (row.completion_target) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::TargetMark());
        TextCentered(Tr(StrId::TargetYes));
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::DimText());
        TextCentered(Tr(StrId::TargetNo));
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

} // namespace

void DrawProjectsTable(const AppState& state, ProjectsTableView& view, float reserve_bottom)
{
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, std::max(avail.y - reserve_bottom, ImGui::GetFrameHeight() * 4));
    if (view.measured_generation != state.ledger_generation)
        MeasureColumns(state, view);
    // A table per ledger (its ID includes the generation): a newly opened file starts with
    // widths fitted to its own data and in ledger order, not with the previous file's layout.
    // With ScrollX, ImGui lays the columns out in `inner_width`: the visible width while the
    // columns' minimum fits (the name column stretches), more than that when it does not (scroll).
    const ColumnWidths widths = ComputeWidths(view);
    const float visible = size.x - ImGui::GetStyle().ScrollbarSize - 2;
    const float inner_width = std::max(visible, widths.total_min);
    ImGui::PushID(static_cast<int>(state.ledger_generation));
    if (!ImGui::BeginTable("projects", static_cast<int>(ProjectColumn::Count), kTableFlags, size, inner_width)) {
        ImGui::PopID();
        return;
    }
    // Frozen: the 序号 and 名称 columns, the header row and the totals row under it.
    ImGui::TableSetupScrollFreeze(2, 2);
    SetupColumns(widths);
    HeaderRow();
    UpdateSortOrder(state, view);
    TotalsRow(state.table.totals);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.order.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            ProjectRowCells(state, state.table.rows[static_cast<size_t>(view.order[static_cast<size_t>(i)])], view);
    }
    ImGui::EndTable();
    ImGui::PopID();
}

} // namespace kpl::ui
