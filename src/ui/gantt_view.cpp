// Draws the Gantt timeline from core/gantt.h: toolbar, legend, the time axis, and the rows (names in
// a frozen left column, bars and milestone diamonds on the right), with hover tooltips, zoom, scroll
// and double-click to edit. Positions and lateness come from core; this file picks colours and
// sizes, and turns mouse input into viewport changes and commands.
#include "gantt_view.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "imgui.h"

#include "format.h"
#include "strings.h"
#include "test_marks.h"
#include "theme.h"

namespace kpl::ui {

namespace {

ImU32 Rgb(int r, int g, int b, float a = 1.0f)
{
    return ImGui::GetColorU32(ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a));
}

// Colours: planned in grey-blue outline, actual in solid blue (green once completed), late in red,
// today in orange. Strong enough for a projector; colour is never the only cue (hollow vs filled
// diamonds, upper vs lower band).
ImU32 PlannedFill() { return Rgb(203, 213, 225); }
ImU32 PlannedEdge() { return Rgb(100, 116, 139); }
ImU32 ActualOngoing() { return Rgb(31, 111, 235); }
ImU32 ActualDone() { return Rgb(22, 128, 61); }
ImU32 DiamondEdge() { return Rgb(51, 65, 85); }
ImU32 LateRed() { return Rgb(200, 30, 30); }
ImU32 LateFill() { return Rgb(254, 226, 226); }
ImU32 OnTimeGreen() { return Rgb(22, 128, 61); }
ImU32 TodayOrange() { return Rgb(234, 88, 12); }
ImU32 GridYear() { return Rgb(148, 163, 184); }
ImU32 GridMonth() { return Rgb(220, 226, 234); }
ImU32 GridWeek() { return Rgb(238, 242, 246); }
ImU32 StripeBg() { return Rgb(248, 250, 252); }
ImU32 AxisBg() { return Rgb(234, 238, 243); }
ImU32 HoverRing() { return Rgb(31, 111, 235); }

constexpr double kButtonZoom = 2.0;   // the +/- buttons halve or double the days shown
constexpr double kWheelZoom = 1.25;   // per wheel notch

const char* HitKindName(GanttHitKind kind)
{
    switch (kind) {
    case GanttHitKind::None: return "none";
    case GanttHitKind::PlannedMilestone: return "planned_milestone";
    case GanttHitKind::ActualMilestone: return "actual_milestone";
    case GanttHitKind::ActualSpan: return "actual_span";
    case GanttHitKind::PlannedSpan: return "planned_span";
    }
    return "none";
}

std::string MonthName(int month)
{
    // "1月|2月|...": the catalogue keeps the twelve names in one entry.
    const std::string all = Tr(StrId::GanttMonthNames);
    std::size_t start = 0;
    for (int i = 1; i < month; ++i) {
        const std::size_t bar = all.find('|', start);
        if (bar == std::string::npos)
            return std::to_string(month);
        start = bar + 1;
    }
    const std::size_t end = all.find('|', start);
    return all.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Rebuilds the chart when the ledger, the rows or today changed; keeps the time window in range.
void UpdateChart(const AppState& state, GanttView& view, const std::vector<int>& rows, float timeline_width)
{
    const Ledger& ledger = *CurrentLedger(state);
    const Date today = LedgerToday(state);
    const uint64_t generation = LedgerGeneration(state);
    const bool rebuilt = view.chart_generation != generation || view.chart_rows != rows || view.chart_today != today;
    if (rebuilt) {
        view.chart = BuildGanttChart(ledger, rows, today);
        view.chart_rows = rows;
        view.chart_generation = generation;
        view.chart_today = today;
    }
    if (view.viewport_file != state.file_generation) {
        // A newly opened ledger shows its own year, January to December.
        const int year = ledger.meta.year > 0 ? ledger.meta.year : today.year;
        view.viewport = ShowDays(view.chart, Date{year, 1, 1}, Date{year, 12, 31}, timeline_width);
        view.viewport_file = state.file_generation;
    } else if (rebuilt || view.viewport.width != timeline_width) {
        view.viewport = ResizeViewport(view.chart, view.viewport, timeline_width);
    }
}

void TipLine(StrId label, const std::string& value, float label_width, ImU32 value_color = 0)
{
    ImGui::TextColored(theme::DimText(), "%s", Tr(label));
    ImGui::SameLine(label_width + ImGui::GetStyle().WindowPadding.x);
    if (value_color)
        ImGui::PushStyleColor(ImGuiCol_Text, value_color);
    ImGui::TextUnformatted(value.c_str());
    if (value_color)
        ImGui::PopStyleColor();
}

float TipLabelWidth(std::initializer_list<StrId> labels)
{
    float width = 0;
    for (StrId id : labels)
        width = std::max(width, ImGui::CalcTextSize(Tr(id)).x);
    return width + ImGui::GetFontSize();
}

std::string MilestoneStatus(const GanttMilestone& m, ImU32& color)
{
    color = 0;
    if (!m.planned)
        return std::string();
    if (m.actual) {
        if (m.late) {
            color = LateRed();
            return Format(Tr(StrId::GanttTipLateBy), m.days_late);
        }
        color = OnTimeGreen();
        if (m.days_late < 0)
            return Format(Tr(StrId::GanttTipEarlyBy), -m.days_late);
        if (m.days_late > 0)
            return Format(Tr(StrId::GanttTipAfterPlanWithinGrace), m.days_late);
        return Tr(StrId::GanttTipOnTime);
    }
    if (m.late) {
        color = LateRed();
        return Format(Tr(StrId::GanttTipOverdueBy), m.days_late);
    }
    return Tr(StrId::GanttTipNotDue);
}

void MilestoneTooltip(const GanttRow& row, const GanttMilestone& m)
{
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(m.name.c_str());
    ImGui::TextColored(theme::DimText(), "%s", row.name.c_str());
    ImGui::Separator();
    const float w = TipLabelWidth({StrId::GanttTipPlannedDate, StrId::GanttTipActualDate, StrId::GanttTipStatus});
    TipLine(StrId::GanttTipPlannedDate, m.planned ? m.planned->ToString() : Tr(StrId::NoValue), w);
    TipLine(StrId::GanttTipActualDate, m.actual ? m.actual->ToString() : Tr(StrId::GanttTipNotReached), w);
    ImU32 color = 0;
    const std::string status = MilestoneStatus(m, color);
    if (!status.empty())
        TipLine(StrId::GanttTipStatus, status, w, color);
    ImGui::EndTooltip();
}

void SpanTooltip(const GanttRow& row, bool actual, Date today)
{
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::Separator();
    const float w = TipLabelWidth({StrId::GanttTipPlannedStart, StrId::GanttTipPlannedEnd, StrId::GanttTipActualStart,
                                   StrId::GanttTipActualEnd, StrId::GanttTipDuration, StrId::GanttTipPercent});
    auto days = [](const GanttSpan& s) { return Format(Tr(StrId::GanttTipDays), s.to.DayNumber() - s.from.DayNumber() + 1); };
    if (actual && row.actual) {
        TipLine(StrId::GanttTipActualStart, row.actual->from.ToString(), w);
        TipLine(StrId::GanttTipActualEnd,
                row.actual->ongoing ? Format(Tr(StrId::GanttTipOngoing), today.ToString().c_str())
                                    : row.actual->to.ToString(), w);
        TipLine(StrId::GanttTipDuration, days(*row.actual), w);
        if (row.percent_complete)
            TipLine(StrId::GanttTipPercent, FormatPercent(row.percent_complete, Tr(StrId::NoValue)), w);
    } else if (row.planned) {
        TipLine(StrId::GanttTipPlannedStart, row.planned->from.ToString(), w);
        TipLine(StrId::GanttTipPlannedEnd, row.planned->to.ToString(), w);
        TipLine(StrId::GanttTipDuration, days(*row.planned), w);
    }
    if (row.late_count > 0)
        ImGui::TextColored(theme::ErrorText(), "%s", Format(Tr(StrId::GanttLateCount), row.late_count).c_str());
    ImGui::EndTooltip();
}

void NameTooltip(const GanttRow& row)
{
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::PopTextWrapPos();
    if (row.late_count > 0)
        ImGui::TextColored(theme::ErrorText(), "%s", Format(Tr(StrId::GanttLateCount), row.late_count).c_str());
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::TipDoubleClick));
    ImGui::EndTooltip();
}

void Diamond(ImDrawList* dl, ImVec2 c, float half, ImU32 fill, ImU32 edge, float thickness)
{
    const ImVec2 top(c.x, c.y - half), right(c.x + half, c.y), bottom(c.x, c.y + half), left(c.x - half, c.y);
    dl->AddQuadFilled(top, right, bottom, left, fill);
    dl->AddQuad(top, right, bottom, left, edge, thickness);
}

// A small swatch and its label, on one line, for the legend.
void LegendItem(const std::function<void(ImDrawList*, ImVec2, float)>& draw_swatch, const char* label)
{
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_swatch(ImGui::GetWindowDrawList(), p, h);
    ImGui::Dummy(ImVec2(h * 1.6f, h));
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
}

void Legend(const Date& today)
{
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 1.6f, p.y + h * 0.75f), PlannedFill());
        dl->AddRect(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 1.6f, p.y + h * 0.75f), PlannedEdge());
    }, Tr(StrId::GanttLegendPlanned));
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 1.6f, p.y + h * 0.75f), ActualOngoing());
    }, Tr(StrId::GanttLegendActual));
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 1.6f, p.y + h * 0.75f), ActualDone());
    }, Tr(StrId::GanttLegendDone));
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        Diamond(dl, ImVec2(p.x + h * 0.8f, p.y + h * 0.5f), h * 0.4f, Rgb(255, 255, 255), DiamondEdge(), 1.5f);
    }, Tr(StrId::GanttLegendPlannedMilestone));
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        Diamond(dl, ImVec2(p.x + h * 0.8f, p.y + h * 0.5f), h * 0.4f, OnTimeGreen(), OnTimeGreen(), 1.0f);
    }, Tr(StrId::GanttLegendOnTime));
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        Diamond(dl, ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.4f, LateFill(), LateRed(), 1.5f);
        Diamond(dl, ImVec2(p.x + h * 1.15f, p.y + h * 0.5f), h * 0.4f, LateRed(), LateRed(), 1.0f);
    }, Tr(StrId::GanttLegendLate));
    LegendItem([](ImDrawList* dl, ImVec2 p, float h) {
        dl->AddLine(ImVec2(p.x + h * 0.8f, p.y), ImVec2(p.x + h * 0.8f, p.y + h), TodayOrange(), 2.0f);
    }, Format(Tr(StrId::GanttLegendToday), today.ToString().c_str()).c_str());
    ImGui::NewLine();
}

// One band of axis labels: each labelled tick's label right of it; the period that began before
// the left edge keeps its label pinned there while it fits before the next label.
void BandLabels(ImDrawList* dl, const std::vector<GanttTick>& ticks, float x0, float right, float y,
                const std::function<std::string(Date)>& label)
{
    const float pad = ImGui::GetFontSize() * 0.3f;
    std::vector<const GanttTick*> labelled;
    for (const GanttTick& t : ticks)
        if (t.labelled)
            labelled.push_back(&t);
    for (std::size_t k = 0; k < labelled.size(); ++k) {
        const GanttTick& t = *labelled[k];
        const std::string text = label(t.date);
        const float x = x0 + std::max(static_cast<float>(t.x), 0.0f) + pad;
        const float next = k + 1 < labelled.size() ? x0 + static_cast<float>(labelled[k + 1]->x) : right + 1000;
        if (x >= right)
            break;
        if (t.x < 0 && x + ImGui::CalcTextSize(text.c_str()).x > next - pad)
            continue;
        dl->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    }
}

struct Frame {
    float left_width = 0;        // the name column
    float timeline_x0 = 0;       // screen x of the timeline's left edge
    float timeline_width = 0;
    float row_height = 0;
};

// The axis header: years (or months with their year, when weeks are labelled) above, months (or
// the days weeks start on) below; grid ticks; the today line; the date under the mouse.
// Returns whether the mouse is over it (the wheel then zooms).
bool AxisHeader(const GanttView& view, const GanttAxis& axis, const Frame& f, float height,
                std::optional<double> mouse_x)
{
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float em = ImGui::GetFontSize();
    const int rows = static_cast<int>(view.chart.rows.size());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = f.timeline_x0, x1 = f.timeline_x0 + f.timeline_width;
    dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(x1, p.y + height), AxisBg());
    dl->AddText(ImVec2(p.x + em * 0.4f, p.y + height - ImGui::GetTextLineHeight() - em * 0.25f),
                ImGui::GetColorU32(ImGuiCol_Text), Format(Tr(StrId::GanttColProjects), rows).c_str());
    dl->AddLine(ImVec2(x0, p.y), ImVec2(x0, p.y + height), GridYear());

    ImGui::SetCursorScreenPos(ImVec2(x0, p.y));
    ImGui::InvisibleButton("##gantt-axis", ImVec2(std::max(f.timeline_width, 1.0f), height));
    MarkItem("gantt.axis");
    const bool hovered = ImGui::IsItemHovered();

    dl->PushClipRect(ImVec2(x0, p.y), ImVec2(x1, p.y + height), true);
    const float mid = p.y + height * 0.5f;
    const float text_h = ImGui::GetTextLineHeight();
    for (const GanttTick& t : axis.weeks)
        dl->AddLine(ImVec2(x0 + static_cast<float>(t.x), mid + height * 0.3f),
                    ImVec2(x0 + static_cast<float>(t.x), p.y + height), GridYear());
    for (const GanttTick& t : axis.months)
        dl->AddLine(ImVec2(x0 + static_cast<float>(t.x), mid), ImVec2(x0 + static_cast<float>(t.x), p.y + height),
                    GridYear());
    for (const GanttTick& t : axis.years)
        dl->AddLine(ImVec2(x0 + static_cast<float>(t.x), p.y), ImVec2(x0 + static_cast<float>(t.x), p.y + height),
                    DiamondEdge(), 1.5f);
    const float top_y = p.y + (height * 0.5f - text_h) * 0.5f;
    const float bottom_y = mid + (height * 0.5f - text_h) * 0.5f;
    if (axis.week_labels) {
        BandLabels(dl, axis.months, x0, x1, top_y, [](Date d) {
            return Format(Tr(StrId::GanttYearMonthLabel), d.year, MonthName(d.month).c_str());
        });
        BandLabels(dl, axis.weeks, x0, x1, bottom_y, [](Date d) { return Format(Tr(StrId::GanttWeekLabel), d.day); });
    } else {
        BandLabels(dl, axis.years, x0, x1, top_y, [](Date d) { return Format(Tr(StrId::GanttYearLabel), d.year); });
        BandLabels(dl, axis.months, x0, x1, bottom_y, [](Date d) { return MonthName(d.month); });
    }
    const float today_x = x0 + static_cast<float>(DateX(view.viewport, view.chart.today));
    dl->AddLine(ImVec2(today_x, mid), ImVec2(today_x, p.y + height), TodayOrange(), 2.0f);
    if (mouse_x) {
        // The date under the mouse, boxed on the lower band.
        const Date day = Date::FromDayNumber(static_cast<long>(std::floor(view.viewport.DayAtX(*mouse_x))));
        const std::string text = day.ToString();
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        float bx = x0 + static_cast<float>(*mouse_x) - size.x * 0.5f;
        bx = std::clamp(bx, x0, x1 - size.x);
        dl->AddRectFilled(ImVec2(bx - 4, bottom_y - 2), ImVec2(bx + size.x + 4, bottom_y + size.y + 2), HoverRing(), 3);
        dl->AddText(ImVec2(bx, bottom_y), Rgb(255, 255, 255), text.c_str());
    }
    dl->PopClipRect();
    dl->AddLine(ImVec2(p.x, p.y + height), ImVec2(x1, p.y + height), GridYear());
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + height));
    return hovered;
}

void StartDrag(GanttView& view, float mouse_x)
{
    view.dragging = true;
    view.drag_moved = false;
    view.drag_from_x = mouse_x;
    view.drag_start = view.viewport;
}

// One row: stripe and selectable (channel 0), name and chart (channel 2), marks for the tests.
void DrawRow(const AppState& state, GanttView& view, const Frame& f, int i, ImDrawListSplitter& splitter,
             CommandList& commands, const ImVec4& clip)
{
    const GanttRow& row = view.chart.rows[static_cast<std::size_t>(i)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float em = ImGui::GetFontSize();
    const float h = f.row_height;
    ImGui::PushID(i);

    splitter.SetCurrentChannel(dl, 0);
    if (i % 2 == 1)
        dl->AddRectFilled(p, ImVec2(clip.z, p.y + h), StripeBg());
    const bool selected = state.selected_project_id == row.project_id;
    // No AllowItemOverlap: nothing on the row takes clicks, and with it a click arriving in the
    // same frame as the move onto the row (ImGui 1.86) would be ignored.
    const bool pressed = ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(0, h));
    MarkItem("gantt.row." + row.project_id);
    if (pressed && !view.drag_moved) {
        const bool open = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        commands.push_back({CommandKind::SelectProject, {}, row.project_id, open});
        // The editor is a panel of the projects view: show it there.
        if (open)
            commands.push_back({CommandKind::ShowProjects});
    }
    if (ImGui::IsItemHovered() && !view.dragging && ImGui::GetIO().MousePos.x < f.timeline_x0)
        NameTooltip(row);

    splitter.SetCurrentChannel(dl, 2);
    // The name, clipped to its column; a red count of late milestones at the column's right.
    const float text_y = p.y + (h - ImGui::GetTextLineHeight()) * 0.5f;
    float name_right = p.x + f.left_width - em * 0.4f;
    if (row.late_count > 0) {
        const std::string badge = Format("%d", row.late_count);
        const ImVec2 size = ImGui::CalcTextSize(badge.c_str());
        const float r = std::max(size.x, size.y) * 0.5f + 3;
        const ImVec2 c(name_right - r, p.y + h * 0.5f);
        dl->AddCircleFilled(c, r, LateRed());
        dl->AddText(ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), Rgb(255, 255, 255), badge.c_str());
        name_right = c.x - r - em * 0.3f;
    }
    dl->PushClipRect(ImVec2(p.x, p.y), ImVec2(name_right, p.y + h), true);
    dl->AddText(ImVec2(p.x + em * 0.4f, text_y), ImGui::GetColorU32(ImGuiCol_Text), row.name.c_str());
    dl->PopClipRect();

    // The chart part.
    const GanttRowBands b = RowBands(h);
    const GanttRowPixels px = LayoutGanttRow(row, view.viewport);
    const float x0 = f.timeline_x0;
    auto X = [x0](double x) { return x0 + static_cast<float>(x); };
    dl->PushClipRect(ImVec2(x0, std::max(p.y, clip.y)), ImVec2(x0 + f.timeline_width, std::min(p.y + h, clip.w)), true);
    if (px.planned_x0) {
        const ImVec2 a(X(*px.planned_x0), p.y + static_cast<float>(b.planned_top));
        const ImVec2 c(std::max(X(*px.planned_x1), a.x + 2), p.y + static_cast<float>(b.planned_bottom));
        dl->AddRectFilled(a, c, PlannedFill(), 2);
        dl->AddRect(a, c, PlannedEdge(), 2);
    }
    if (px.actual_x0) {
        const ImVec2 a(X(*px.actual_x0), p.y + static_cast<float>(b.actual_top));
        const ImVec2 c(std::max(X(*px.actual_x1), a.x + 2), p.y + static_cast<float>(b.actual_bottom));
        dl->AddRectFilled(a, c, row.actual->ongoing ? ActualOngoing() : ActualDone(), 2);
    }
    const float half = static_cast<float>(b.mark_half);
    const float planned_y = p.y + static_cast<float>(b.planned_mark_y);
    const float actual_y = p.y + static_cast<float>(b.actual_mark_y);
    const double today_x = DateX(view.viewport, view.chart.today);
    for (std::size_t k = 0; k < row.milestones.size(); ++k) {
        const GanttMilestone& m = row.milestones[k];
        const GanttMarkPixels& mark = px.marks[k];
        // Lateness drawn as a red line on the actual line: from the plan to the actual date, or to
        // today while not reached.
        if (m.late && mark.planned_x) {
            const double end = mark.actual_x ? *mark.actual_x : today_x;
            dl->AddLine(ImVec2(X(*mark.planned_x), actual_y), ImVec2(X(end), actual_y), LateRed(), 2.0f);
        }
    }
    for (std::size_t k = 0; k < row.milestones.size(); ++k) {
        const GanttMilestone& m = row.milestones[k];
        const GanttMarkPixels& mark = px.marks[k];
        if (mark.planned_x) {
            const bool overdue = m.late && !m.actual;
            Diamond(dl, ImVec2(X(*mark.planned_x), planned_y), half, overdue ? LateFill() : Rgb(255, 255, 255),
                    overdue ? LateRed() : DiamondEdge(), 1.5f);
        }
        if (mark.actual_x) {
            const ImU32 color = m.late ? LateRed() : OnTimeGreen();
            Diamond(dl, ImVec2(X(*mark.actual_x), actual_y), half, color, color, 1.0f);
        }
    }
    const bool hovered_here = view.hover_row == i;
    if (hovered_here && view.hover_milestone >= 0) {
        const GanttMarkPixels& mark = px.marks[static_cast<std::size_t>(view.hover_milestone)];
        const bool upper = view.hover_kind == GanttHitKind::PlannedMilestone;
        const std::optional<double>& x = upper ? mark.planned_x : mark.actual_x;
        if (x)
            Diamond(dl, ImVec2(X(*x), upper ? planned_y : actual_y), half + 3, 0, HoverRing(), 2.0f);
    }
    dl->PopClipRect();

    // Where each visible diamond is, for the browser tests (an empty item at its square).
    const ImVec2 after = ImGui::GetCursorScreenPos();
    for (std::size_t k = 0; k < row.milestones.size(); ++k) {
        const GanttMarkPixels& mark = px.marks[k];
        auto place = [&](const std::optional<double>& x, float y, const char* prefix) {
            if (!x || *x < 0 || *x > f.timeline_width)
                return;
            ImGui::SetCursorScreenPos(ImVec2(X(*x) - half, y - half));
            ImGui::Dummy(ImVec2(2 * half, 2 * half));
            MarkItem(std::string(prefix) + row.milestones[k].id);
        };
        place(mark.planned_x, planned_y, "gantt.milestone.");
        place(mark.actual_x, actual_y, "gantt.actual.");
    }
    ImGui::SetCursorScreenPos(after);
    ImGui::PopID();
}

} // namespace

void DrawGanttView(const AppState& state, GanttView& view, const std::vector<int>& rows, CommandList& commands,
                   float reserve_bottom)
{
    if (!HasLedger(state))
        return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();

    // A new click starts afresh: only a drag begun by it keeps its release from selecting a row.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        view.drag_moved = false;

    Frame f;
    f.left_width = std::clamp(avail.x * 0.26f, 10 * em, 22 * em);
    f.timeline_width = std::max(avail.x - f.left_width - style.ScrollbarSize, 4 * em);
    f.row_height = std::round(std::max(2.2f * em, 28.0f));
    UpdateChart(state, view, rows, f.timeline_width);

    // --- toolbar: zoom, fit, year, today; the days shown
    const double centre = f.timeline_width * 0.5;
    const bool zoom_out = ImGui::Button(Tr(StrId::GanttZoomOut), ImVec2(ImGui::GetFrameHeight() * 1.2f, 0));
    MarkItem("gantt.zoom_out");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(StrId::GanttZoomOutTip));
    ImGui::SameLine(0, 4);
    const bool zoom_in = ImGui::Button(Tr(StrId::GanttZoomIn), ImVec2(ImGui::GetFrameHeight() * 1.2f, 0));
    MarkItem("gantt.zoom_in");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(StrId::GanttZoomInTip));
    ImGui::SameLine();
    const bool fit = ImGui::Button(Tr(StrId::GanttFit));
    MarkItem("gantt.fit");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(StrId::GanttFitTip));
    ImGui::SameLine();
    const bool year = ImGui::Button(Tr(StrId::GanttYear));
    MarkItem("gantt.year");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(StrId::GanttYearTip));
    ImGui::SameLine();
    const bool today = ImGui::Button(Tr(StrId::GanttToday));
    MarkItem("gantt.today");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(StrId::GanttTodayTip));
    if (zoom_out)
        view.viewport = ZoomAt(view.chart, view.viewport, 1 / kButtonZoom, centre);
    if (zoom_in)
        view.viewport = ZoomAt(view.chart, view.viewport, kButtonZoom, centre);
    if (fit)
        view.viewport = FitViewport(view.chart, f.timeline_width);
    if (year) {
        const int y = CurrentLedger(state)->meta.year > 0 ? CurrentLedger(state)->meta.year : view.chart.today.year;
        view.viewport = ShowDays(view.chart, Date{y, 1, 1}, Date{y, 12, 31}, f.timeline_width);
    }
    if (today) {
        // At a zoom wider than a year, today alone is hard to find: show the half year around it.
        const Date t = view.chart.today;
        if (view.viewport.width * view.viewport.days_per_pixel > 400)
            view.viewport = ShowDays(view.chart, t.AddDays(-91), t.AddDays(91), f.timeline_width);
        else
            view.viewport = CenterOn(view.chart, view.viewport, t);
    }
    ImGui::SameLine(0, em);
    const Date first = view.viewport.FirstVisibleDate(), last = view.viewport.LastVisibleDate();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Format(Tr(StrId::GanttRange), first.ToString().c_str(), last.ToString().c_str(),
                                  static_cast<int>(last.DayNumber() - first.DayNumber() + 1)).c_str());
    const char* hint = Tr(StrId::GanttHint);
    const float hint_width = ImGui::CalcTextSize(hint).x;
    ImGui::SameLine(0, em);
    if (ImGui::GetContentRegionAvail().x >= hint_width)
        ImGui::TextColored(theme::DimText(), "%s", hint);
    else
        ImGui::NewLine();

    Legend(view.chart.today);

    // --- the axis header
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    f.timeline_x0 = origin.x + f.left_width;
    GanttLabelRoom room;
    room.year = ImGui::CalcTextSize(Format(Tr(StrId::GanttYearLabel), 2016).c_str()).x + em;
    room.month = 0;
    for (int m = 1; m <= 12; ++m)
        room.month = std::max(room.month, static_cast<double>(ImGui::CalcTextSize(MonthName(m).c_str()).x));
    room.month += 0.8 * em;
    room.week = ImGui::CalcTextSize(Format(Tr(StrId::GanttWeekLabel), 30).c_str()).x + 0.8 * em;
    const GanttAxis axis = BuildGanttAxis(view.viewport, room);

    const float header_height = 2 * (ImGui::GetTextLineHeight() + em * 0.35f);
    const float body_height =
        std::max(ImGui::GetContentRegionAvail().y - reserve_bottom - header_height, f.row_height * 3);

    std::optional<double> mouse_x;
    const ImVec2 mouse = io.MousePos;
    const bool mouse_in_timeline = mouse.x >= f.timeline_x0 && mouse.x < f.timeline_x0 + f.timeline_width &&
                                   mouse.y >= origin.y && mouse.y < origin.y + header_height + body_height;
    if (mouse_in_timeline && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        mouse_x = mouse.x - f.timeline_x0;
    const bool axis_hovered = AxisHeader(view, axis, f, header_height, mouse_x);
    if (axis_hovered && ImGui::IsItemClicked(ImGuiMouseButton_Left))
        StartDrag(view, mouse.x);
    // The wheel over the axis zooms around the mouse (with Shift it moves in time).
    if (axis_hovered && io.MouseWheel != 0) {
        if (io.KeyShift)
            view.viewport = ScrollPixels(view.chart, view.viewport, -io.MouseWheel * f.timeline_width / 10);
        else
            view.viewport = ZoomAt(view.chart, view.viewport, std::pow(kWheelZoom, io.MouseWheel),
                                   mouse.x - f.timeline_x0);
    }

    // --- the rows
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::BeginChild("##gantt-rows", ImVec2(avail.x, body_height), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    const ImVec2 win_pos = ImGui::GetWindowPos();
    const ImVec2 win_size = ImGui::GetWindowSize();
    const ImVec4 clip(win_pos.x, win_pos.y, win_pos.x + win_size.x - style.ScrollbarSize, win_pos.y + win_size.y);
    const float row0_y = ImGui::GetCursorScreenPos().y;
    const int count = static_cast<int>(view.chart.rows.size());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImDrawListSplitter splitter;
    splitter.Split(dl, 3);

    // Grid under everything (channel 1): weeks, months, years.
    splitter.SetCurrentChannel(dl, 1);
    dl->PushClipRect(ImVec2(f.timeline_x0, clip.y), ImVec2(clip.z, clip.w), true);
    for (const GanttTick& t : axis.weeks)
        dl->AddLine(ImVec2(f.timeline_x0 + static_cast<float>(t.x), clip.y),
                    ImVec2(f.timeline_x0 + static_cast<float>(t.x), clip.w), GridWeek());
    for (const GanttTick& t : axis.months)
        dl->AddLine(ImVec2(f.timeline_x0 + static_cast<float>(t.x), clip.y),
                    ImVec2(f.timeline_x0 + static_cast<float>(t.x), clip.w), GridMonth());
    for (const GanttTick& t : axis.years)
        dl->AddLine(ImVec2(f.timeline_x0 + static_cast<float>(t.x), clip.y),
                    ImVec2(f.timeline_x0 + static_cast<float>(t.x), clip.w), GridYear());
    dl->PopClipRect();
    dl->AddLine(ImVec2(f.timeline_x0, clip.y), ImVec2(f.timeline_x0, clip.w), GridYear());

    if (count == 0) {
        splitter.SetCurrentChannel(dl, 2);
        ImGui::SetCursorPos(ImVec2(em, em));
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::GanttNoRows));
    }
    ImGuiListClipper clipper;
    clipper.Begin(count, f.row_height);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            DrawRow(state, view, f, i, splitter, commands, clip);

    // The today line over the rows.
    splitter.SetCurrentChannel(dl, 2);
    const float today_x = f.timeline_x0 + static_cast<float>(DateX(view.viewport, view.chart.today));
    if (today_x >= f.timeline_x0 && today_x <= clip.z)
        dl->AddLine(ImVec2(today_x, clip.y), ImVec2(today_x, clip.w), TodayOrange(), 2.0f);

    // Hover: what is under the mouse, with its tooltip; a faint guide at the mouse's date.
    // Also while a row's selectable holds the mouse (a click or a drag begun on it).
    const bool rows_hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    view.hover_kind = GanttHitKind::None;
    view.hover_row = -1;
    view.hover_milestone = -1;
    if (rows_hovered && !view.dragging && mouse.x >= f.timeline_x0 && mouse.x < clip.z) {
        const GanttHit hit = HitTestGantt(view.chart, view.viewport, f.row_height, mouse.x - f.timeline_x0,
                                          mouse.y - row0_y);
        view.hover_kind = hit.kind;
        view.hover_row = hit.row;
        view.hover_milestone = hit.milestone;
        dl->AddLine(ImVec2(mouse.x, clip.y), ImVec2(mouse.x, clip.w), Rgb(31, 111, 235, 0.25f));
        if (hit.milestone_data)
            MilestoneTooltip(*hit.row_data, *hit.milestone_data);
        else if (hit.kind == GanttHitKind::ActualSpan || hit.kind == GanttHitKind::PlannedSpan)
            SpanTooltip(*hit.row_data, hit.kind == GanttHitKind::ActualSpan, view.chart.today);
    }
    splitter.Merge(dl);

    // Mouse: drag in time from the timeline; the wheel scrolls rows, with Shift (or sideways) moves
    // in time, with Ctrl zooms around the mouse.
    if (rows_hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && mouse.x >= f.timeline_x0 && mouse.x < clip.z)
        StartDrag(view, mouse.x);
    if (rows_hovered) {
        if (io.MouseWheel != 0 && io.KeyCtrl && mouse.x >= f.timeline_x0)
            view.viewport = ZoomAt(view.chart, view.viewport, std::pow(kWheelZoom, io.MouseWheel), mouse.x - f.timeline_x0);
        else if (io.MouseWheel != 0 && io.KeyShift)
            view.viewport = ScrollPixels(view.chart, view.viewport, -io.MouseWheel * f.timeline_width / 10);
        else if (io.MouseWheel != 0)
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * 3 * f.row_height);
    }
    if ((rows_hovered || axis_hovered) && io.MouseWheelH != 0)
        view.viewport = ScrollPixels(view.chart, view.viewport, -io.MouseWheelH * f.timeline_width / 10);
    // Over the time axis and the rows' chart part Ctrl+wheel zooms; the app tells the page, which
    // otherwise keeps Ctrl+wheel for the browser's own zoom.
    view.ctrl_wheel_zooms = axis_hovered || (rows_hovered && mouse.x >= f.timeline_x0 && mouse.x < clip.z);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    MarkItem("gantt.rows");

    if (view.dragging) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            const float dx = io.MousePos.x - view.drag_from_x;
            if (std::fabs(dx) > io.MouseDragThreshold)
                view.drag_moved = true;
            if (view.drag_moved)
                view.viewport = ScrollPixels(view.chart, view.drag_start, -dx);
        } else {
            view.dragging = false;
        }
    }

    // The timeline's rectangle for the tests (an empty item over the rows' chart part).
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(f.timeline_x0, clip.y));
    ImGui::Dummy(ImVec2(f.timeline_width, clip.w - clip.y));
    MarkItem("gantt.timeline");
    ImGui::SetCursorScreenPos(after);
}

nlohmann::json GanttStateJson(const GanttView& view)
{
    if (view.chart_generation == ~uint64_t(0))
        return nullptr;  // not drawn yet
    nlohmann::json j;
    j["rows"] = view.chart.rows.size();
    j["first_day"] = view.viewport.FirstVisibleDate().ToString();
    j["last_day"] = view.viewport.LastVisibleDate().ToString();
    j["visible_days"] = view.viewport.width * view.viewport.days_per_pixel;
    j["days_per_pixel"] = view.viewport.days_per_pixel;
    j["today"] = view.chart.today.ToString();
    j["ctrl_wheel_zooms"] = view.ctrl_wheel_zooms;
    nlohmann::json hover;  // null unless over a bar or a milestone
    if (view.hover_kind != GanttHitKind::None && view.hover_row >= 0 &&
        static_cast<std::size_t>(view.hover_row) < view.chart.rows.size()) {
        const GanttRow& row = view.chart.rows[static_cast<std::size_t>(view.hover_row)];
        hover["kind"] = HitKindName(view.hover_kind);
        hover["project_id"] = row.project_id;
        if (view.hover_milestone >= 0) {
            const GanttMilestone& m = row.milestones[static_cast<std::size_t>(view.hover_milestone)];
            hover["milestone_id"] = m.id;
            hover["name"] = m.name;
            hover["planned"] = m.planned ? m.planned->ToString() : std::string();
            hover["actual"] = m.actual ? m.actual->ToString() : std::string();
            hover["days_late"] = m.days_late;
            hover["late"] = m.late;
        } else {
            hover["name"] = row.name;
        }
    }
    j["hover"] = hover;
    return j;
}

} // namespace kpl::ui
