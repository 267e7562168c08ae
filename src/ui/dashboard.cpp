// Draws the dashboard from core's chart data and layouts (core/charts.h).
//
// [SECTION] Cache: figures per (ledger generation, month), the S-curve per (generation, month, scope)
// [SECTION] Key-figure cards: click = the numerator's projects, "分母" = the denominator's
// [SECTION] S-curve, bars, breakdowns: ImDrawList over core layouts, hover tooltips, click drill-down
// [SECTION] DrawDashboard
#include "dashboard.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"

#include "fonts.h"
#include "format.h"
#include "labels.h"
#include "strings.h"
#include "test_marks.h"
#include "text_wrap.h"
#include "theme.h"

namespace kpl::ui {

namespace {

// --- colours: strong and distinct enough for a projector
ImU32 Col(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }
const ImU32 kActualLine = Col(31, 111, 235);
const ImU32 kPlannedLine = Col(230, 120, 20);
const ImU32 kPlanBar = Col(31, 111, 235, 60);
const ImU32 kCompletedBar = Col(31, 111, 235);
const ImU32 kGrid = Col(214, 220, 228);
const ImU32 kAxis = Col(120, 130, 142);
const ImU32 kText = Col(31, 41, 51);
const ImU32 kHover = Col(31, 111, 235, 28);
const ImU32 kCardBg = Col(255, 255, 255);
const ImU32 kCardBorder = Col(205, 213, 223);
const ImU32 kGreen = Col(22, 150, 70);
const ImU32 kYellow = Col(232, 170, 0);
const ImU32 kRed = Col(210, 40, 40);

kpl::Language CoreLanguage() { return CurrentLanguage() == Language::English ? kpl::Language::English : kpl::Language::Chinese; }

std::string MonthText(YearMonth month) { return Format(Tr(StrId::DashMonthFormat), month.year, month.month); }

ImVec2 V(ChartPoint p) { return ImVec2(p.x, p.y); }

// The largest font loaded (the headline face): big figures on the cards.
ImFont* FigureFont()
{
    ImFont* best = ImGui::GetFont();
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts)
        if (font->FontSize > best->FontSize)
            best = font;
    return best;
}

void DrillDown(const Ledger& ledger, const std::vector<int>& projects, std::string title, CommandList& commands)
{
    Command command{CommandKind::DrillDown};
    command.ids = ProjectIds(ledger, projects);
    command.text = std::move(title);
    commands.push_back(std::move(command));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Cache

void Refresh(const AppState& state, DashboardView& view)
{
    const Ledger& ledger = *CurrentLedger(state);
    const uint64_t generation = LedgerGeneration(state);
    if (view.month_for_file != state.file_generation) {
        view.month_for_file = state.file_generation;
        view.month = DefaultChartMonth(ledger);
        view.scope = ChartScope{};
    }
    if (view.timelines_generation != generation) {
        view.timelines = BuildTimelines(ledger);
        view.timelines_generation = generation;
    }
    if (view.data_generation != generation || view.data_month != view.month) {
        view.data = BuildDashboardData(ledger, view.timelines, view.month);
        view.data_generation = generation;
        view.data_month = view.month;
        view.cards_stale = true;
    }
    if (view.curve_generation != generation || view.curve_month != view.month || view.curve_scope != view.scope) {
        view.curve = BuildSCurve(ledger, view.timelines, view.scope, view.month);
        view.curve_generation = generation;
        view.curve_month = view.month;
        view.curve_scope = view.scope;
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Key-figure cards

using Card = DashboardCard;

ImU32 ToneColour(Card::Tone tone)
{
    switch (tone) {
    case Card::Tone::Yellow: return kYellow;
    case Card::Tone::Red: return kRed;
    case Card::Tone::Normal: break;
    }
    return kText;
}

const char* IndicatorTitle(Indicator indicator)
{
    switch (indicator) {
    case Indicator::Fulfilment: return Tr(StrId::IndFulfilment);
    case Indicator::Start: return Tr(StrId::IndStart);
    case Indicator::Funds: return Tr(StrId::IndFunds);
    case Indicator::Completion: return Tr(StrId::IndCompletion);
    case Indicator::Investment: return Tr(StrId::IndInvestment);
    }
    return "";
}

std::vector<Card> BuildCards(const Ledger& ledger, const DashboardData& data)
{
    std::vector<Card> cards;
    const kpl::Language language = CoreLanguage();
    struct Def { Indicator indicator; const char* key; };
    static const Def kDefs[] = {{Indicator::Fulfilment, "fulfilment"}, {Indicator::Start, "start"},
                                {Indicator::Funds, "funds"}, {Indicator::Completion, "completion"},
                                {Indicator::Investment, "investment"}};
    for (const Def& def : kDefs) {
        const Figure& f = data.figures.total.Get(def.indicator);
        Card card;
        card.key = def.key;
        card.title = IndicatorTitle(def.indicator);
        card.value = kpl::FormatPercent(f.percent);
        if (def.indicator == Indicator::Investment) {
            card.detail = Format(Tr(StrId::DashSchedule), kpl::FormatPercent(data.figures.total.schedule_percent).c_str());
            const std::optional<double> gap = data.figures.total.InvestmentGapPoints();
            if (gap && -*gap > ledger.settings.warnings.behind_yellow_points)
                card.tone = -*gap > ledger.settings.warnings.behind_red_points ? Card::Tone::Red : Card::Tone::Yellow;
        } else if (f.IsMoney()) {
            card.detail = Format(Tr(StrId::DashRatio), Money::FromCents(f.numerator).ToYiDisplay().c_str(),
                                 Money::FromCents(f.denominator).ToYiDisplay().c_str()) +
                          " " + Tr(StrId::DashUnitYi);
        } else {
            card.detail = Format(Tr(StrId::DashRatio), std::to_string(f.numerator).c_str(),
                                 std::to_string(f.denominator).c_str());
        }
        card.numerator = f.numerator_projects;
        card.denominator = f.denominator_projects;
        card.is_rate = true;
        card.tooltip = ExplainFigure(f, ledger.settings.indicators, language);
        cards.push_back(std::move(card));
    }
    const KeyFigures& k = data.figures;
    const int total = static_cast<int>(ledger.projects.size());
    auto list_card = [&](const char* key, StrId title, int value, std::string detail, Card::Tone tone,
                         const std::vector<int>& projects) {
        Card card;
        card.key = key;
        card.title = Tr(title);
        card.value = std::to_string(value);
        card.detail = std::move(detail);
        card.tone = value > 0 ? tone : Card::Tone::Normal;
        card.numerator = projects;
        cards.push_back(std::move(card));
    };
    list_card("red", StrId::DashRed, static_cast<int>(k.red_projects.size()),
              Format(Tr(StrId::DashRatio), std::to_string(k.red_projects.size()).c_str(), std::to_string(total).c_str()),
              Card::Tone::Red, k.red_projects);
    list_card("yellow", StrId::DashYellow, static_cast<int>(k.yellow_projects.size()),
              Format(Tr(StrId::DashRatio), std::to_string(k.yellow_projects.size()).c_str(), std::to_string(total).c_str()),
              Card::Tone::Yellow, k.yellow_projects);
    list_card("open_problems", StrId::DashOpenProblems, k.open_problems,
              Format(Tr(StrId::DashProblemProjects), static_cast<int>(k.open_problem_projects.size())), Card::Tone::Yellow,
              k.open_problem_projects);
    list_card("overdue_problems", StrId::DashOverdueProblems, k.overdue_problems,
              Format(Tr(StrId::DashProblemProjects), static_cast<int>(k.overdue_problem_projects.size())), Card::Tone::Red,
              k.overdue_problem_projects);
    return cards;
}

// The cards follow the figures and the language; their new wording joins the font atlas.
void RefreshCards(const Ledger& ledger, DashboardView& view)
{
    if (!view.cards_stale && view.cards_language == CurrentLanguage())
        return;
    view.cards = BuildCards(ledger, view.data);
    view.cards_stale = false;
    view.cards_language = CurrentLanguage();
    for (const Card& card : view.cards) {
        NoteTextShown(card.detail);
        NoteTextShown(card.tooltip);
    }
}

void DrawCard(const Ledger& ledger, const Card& card, YearMonth month, float width, CommandList& commands)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* big = FigureFont();
    const float scale = ImGui::GetIO().FontGlobalScale;
    const float big_size = big->FontSize * scale;
    const float line = ImGui::GetTextLineHeight();
    const float pad = style.FramePadding.x + 2;
    const float body_height = pad + line + 4 + big_size + 4 + line + 2;
    const float height = body_height + ImGui::GetFrameHeight() + pad;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    ImGui::PushID(card.key);
    // The card's body (title, figure, detail) is one button: the numerator's projects.
    // Acts on release, like any button: the view switches with no mouse button held.
    const bool clicked = ImGui::InvisibleButton("##card", ImVec2(width, body_height));
    MarkItem(std::string("dashboard.figure.") + card.key);
    const bool hovered = ImGui::IsItemHovered();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), kCardBg, 6);
    if (hovered)
        draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), kHover, 6);
    draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), hovered ? kActualLine : kCardBorder, 6, 0,
                  hovered ? 2.0f : 1.0f);
    const ImVec4 clip(origin.x + pad, origin.y, origin.x + width - pad, origin.y + height);
    draw->AddText(nullptr, 0, ImVec2(origin.x + pad, origin.y + pad), ImGui::GetColorU32(theme::DimText()),
                  card.title.c_str(), nullptr, 0, &clip);
    draw->AddText(big, big_size, ImVec2(origin.x + pad, origin.y + pad + line + 4), ToneColour(card.tone),
                  card.value.c_str(), nullptr, 0, &clip);
    draw->AddText(nullptr, 0, ImVec2(origin.x + pad, origin.y + pad + line + 8 + big_size), kText,
                  card.detail.c_str(), nullptr, 0, &clip);
    if (hovered) {
        ImGui::BeginTooltip();
        if (!card.tooltip.empty()) {
            TextWrappedCjk(card.tooltip, ImGui::GetFontSize() * 30);
            ImGui::Separator();
        }
        ImGui::TextColored(theme::DimText(), "%s", Tr(card.is_rate ? StrId::DashCardHint : StrId::DashTipClick));
        ImGui::EndTooltip();
    }
    const std::string month_text = MonthText(month);
    if (clicked) {
        const StrId format = card.is_rate ? StrId::DashDrillNumerator : StrId::DashDrillList;
        DrillDown(ledger, card.numerator, Format(Tr(format), card.title.c_str(), month_text.c_str()), commands);
    }

    // The second target: numerator and denominator as buttons with their project counts.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + body_height));
    if (card.is_rate) {
        if (ImGui::SmallButton(Tr(StrId::DashNumerator)))
            DrillDown(ledger, card.numerator,
                      Format(Tr(StrId::DashDrillNumerator), card.title.c_str(), month_text.c_str()), commands);
        MarkItem(std::string("dashboard.figure.") + card.key + ".numerator");
        ImGui::SameLine();
        if (ImGui::SmallButton(Tr(StrId::DashDenominator)))
            DrillDown(ledger, card.denominator,
                      Format(Tr(StrId::DashDrillDenominator), card.title.c_str(), month_text.c_str()), commands);
        MarkItem(std::string("dashboard.figure.") + card.key + ".denominator");
    } else {
        if (ImGui::SmallButton(Format(Tr(StrId::DashProjectCount), static_cast<int>(card.numerator.size())).c_str()))
            DrillDown(ledger, card.numerator, Format(Tr(StrId::DashDrillList), card.title.c_str(), month_text.c_str()),
                      commands);
        MarkItem(std::string("dashboard.figure.") + card.key + ".numerator");
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Charts

void TextAt(ImDrawList* draw, float x, float y, ImU32 colour, const std::string& text, float align_x = 0,
            float align_y = 0)
{
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText(ImVec2(std::round(x - size.x * align_x), std::round(y - size.y * align_y)), colour, text.c_str());
}

// A dashed polyline (the planned series), so it reads apart from the actual one even in grey.
void DashedLine(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour, float thickness, float dash)
{
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0)
        return;
    for (float t = 0; t < length; t += dash * 2) {
        const float t1 = std::min(length, t + dash);
        draw->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                      ImVec2(a.x + dx * t1 / length, a.y + dy * t1 / length), colour, thickness);
    }
}

void LegendItem(ImDrawList* draw, float& x, float y, ImU32 colour, const char* text, bool dashed = false)
{
    const float em = ImGui::GetFontSize();
    const float mid = y + ImGui::GetTextLineHeight() / 2;
    if (dashed)
        DashedLine(draw, ImVec2(x, mid), ImVec2(x + 1.6f * em, mid), colour, 3, 5);
    else
        draw->AddLine(ImVec2(x, mid), ImVec2(x + 1.6f * em, mid), colour, 3);
    x += 2 * em;
    draw->AddText(ImVec2(x, y), kText, text);
    x += ImGui::CalcTextSize(text).x + 1.5f * em;
}

void SwatchLegend(ImDrawList* draw, float& x, float y, ImU32 colour, const std::string& text)
{
    const float em = ImGui::GetFontSize();
    const float h = ImGui::GetTextLineHeight();
    draw->AddRectFilled(ImVec2(x, y + h * 0.2f), ImVec2(x + h * 0.6f, y + h * 0.8f), colour, 2);
    x += h * 0.6f + em * 0.4f;
    draw->AddText(ImVec2(x, y), kText, text.c_str());
    x += ImGui::CalcTextSize(text.c_str()).x + em * 1.2f;
}

const char* ScopeKindLabel(ChartScopeKind kind)
{
    switch (kind) {
    case ChartScopeKind::Total: return Tr(StrId::DashScopeTotal);
    case ChartScopeKind::District: return Tr(StrId::DashScopeDistrict);
    case ChartScopeKind::Department: return Tr(StrId::DashScopeDepartment);
    case ChartScopeKind::Project: return Tr(StrId::DashScopeProject);
    }
    return "";
}

// The S-curve's scope: a kind, then the district, department or project.
void ScopeSelector(const Ledger& ledger, DashboardView& view)
{
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted(Tr(StrId::DashScope));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(7 * em);
    if (ImGui::BeginCombo("##scope-kind", ScopeKindLabel(view.scope.kind))) {
        for (ChartScopeKind kind : {ChartScopeKind::Total, ChartScopeKind::District, ChartScopeKind::Department,
                                    ChartScopeKind::Project}) {
            if (ImGui::Selectable(ScopeKindLabel(kind), view.scope.kind == kind) && view.scope.kind != kind) {
                view.scope.kind = kind;
                view.scope.id.clear();
                if (kind == ChartScopeKind::District && !ledger.districts.empty())
                    view.scope.id = ledger.districts.front().id;
                if (kind == ChartScopeKind::Department && !ledger.departments.empty())
                    view.scope.id = ledger.departments.front().id;
                if (kind == ChartScopeKind::Project && !ledger.projects.empty())
                    view.scope.id = ledger.projects.front().id;
            }
        }
        ImGui::EndCombo();
    }
    MarkItem("dashboard.scope");
    if (view.scope.kind == ChartScopeKind::Total)
        return;
    // The choices are listed only while the combo is open (and list-clipped): a 10,000-project
    // ledger's names are too many to copy on every frame.
    const auto count = [&]() -> int {
        switch (view.scope.kind) {
        case ChartScopeKind::District: return static_cast<int>(ledger.districts.size());
        case ChartScopeKind::Department: return static_cast<int>(ledger.departments.size());
        case ChartScopeKind::Project: return static_cast<int>(ledger.projects.size());
        case ChartScopeKind::Total: break;
        }
        return 0;
    }();
    const auto item = [&](int i) -> std::pair<const std::string*, const std::string*> {
        const std::size_t k = static_cast<std::size_t>(i);
        switch (view.scope.kind) {
        case ChartScopeKind::District: return {&ledger.districts[k].id, &ledger.districts[k].name};
        case ChartScopeKind::Department: return {&ledger.departments[k].id, &ledger.departments[k].name};
        case ChartScopeKind::Project: return {&ledger.projects[k].id, &ledger.projects[k].name};
        case ChartScopeKind::Total: break;
        }
        return {nullptr, nullptr};
    };
    const char* preview = "";
    for (int i = 0; i < count; ++i)
        if (*item(i).first == view.scope.id) {
            preview = item(i).second->c_str();
            break;
        }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(view.scope.kind == ChartScopeKind::Project ? 20 * em : 9 * em);
    if (ImGui::BeginCombo("##scope-unit", preview)) {
        ImGuiListClipper clipper;
        clipper.Begin(count);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto [id, name] = item(i);
                ImGui::PushID(id->c_str());
                if (ImGui::Selectable(name->c_str(), *id == view.scope.id))
                    view.scope.id = *id;
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    MarkItem("dashboard.scope.unit");
}

// The widest label of an axis.
float WidestLabel(const std::vector<std::string>& labels)
{
    float widest = 0;
    for (const std::string& l : labels)
        widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    return widest;
}

const char* UnitText(bool yi) { return Tr(yi ? StrId::DashUnitYi : StrId::DashUnitWan); }

void DrawSCurve(const Ledger& ledger, DashboardView& view, ImVec2 size)
{
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImGui::TextUnformatted(Tr(StrId::DashSCurveTitle));
    ImGui::SameLine(0, 2 * em);
    ScopeSelector(ledger, view);
    const SCurveSeries& series = view.curve;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = std::max(size.y - ImGui::GetFrameHeightWithSpacing(), 10 * line);
    // Margins: tick labels left, the 序时进度 percentages right, unit line on top, months and legend below.
    SCurveLayout layout = LayoutSCurve(series, ChartRect{0, 0, 1, 1});
    const float left = WidestLabel(layout.ticks.labels) + 0.8f * em;
    const float right = ImGui::CalcTextSize("100%").x + 0.8f * em;
    const ChartRect plot{origin.x + left, origin.y + line * 1.4f, origin.x + size.x - right,
                         origin.y + height - line * 2.8f};
    layout = LayoutSCurve(series, plot);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The plot as one item: its rectangle is what tests hover, and it takes the mouse.
    ImGui::SetCursorScreenPos(ImVec2(plot.x0, plot.y0));
    ImGui::InvisibleButton("##scurve", ImVec2(std::max(1.0f, plot.Width()), std::max(1.0f, plot.Height())));
    MarkItem("chart.scurve");
    const bool hovered = ImGui::IsItemHovered();

    draw->AddRectFilled(ImVec2(plot.x0, plot.y0), ImVec2(plot.x1, plot.y1), kCardBg);
    for (std::size_t i = 0; i < layout.tick_y.size(); ++i) {
        draw->AddLine(ImVec2(plot.x0, layout.tick_y[i]), ImVec2(plot.x1, layout.tick_y[i]), kGrid);
        TextAt(draw, plot.x0 - 0.4f * em, layout.tick_y[i], kText, layout.ticks.labels[i], 1, 0.5f);
    }
    TextAt(draw, plot.x0 - 0.4f * em, plot.y0 - 0.3f * em, kAxis, UnitText(layout.ticks.yi), 1, 1);
    for (std::size_t i = 0; i < layout.percent_ticks.size(); ++i)
        TextAt(draw, plot.x1 + 0.4f * em, layout.percent_tick_y[i], kPlannedLine,
               Format("%d%%", static_cast<int>(layout.percent_ticks[i])), 0, 0.5f);
    if (!layout.percent_ticks.empty())
        TextAt(draw, plot.x1 + 0.4f * em, plot.y0 - 0.3f * em, kPlannedLine, Tr(StrId::DashAxisSchedule), 0.5f, 1);
    const kpl::Language language = CoreLanguage();
    for (int m = 0; m < 12; ++m)
        TextAt(draw, layout.month_x[static_cast<std::size_t>(m)], plot.y1 + 0.3f * em, kText,
               MonthAxisLabel(m + 1, language), 0.5f, 0);
    draw->AddLine(ImVec2(plot.x0, plot.y1), ImVec2(plot.x1, plot.y1), kAxis);
    draw->AddLine(ImVec2(plot.x0, plot.y0), ImVec2(plot.x0, plot.y1), kAxis);

    const int hit = hovered ? HitSCurve(layout, ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y) : -1;
    if (hit >= 0) {
        const float x = layout.month_x[static_cast<std::size_t>(hit)];
        draw->AddRectFilled(ImVec2(x - layout.column_width / 2, plot.y0), ImVec2(x + layout.column_width / 2, plot.y1),
                            kHover);
    }
    // The chosen month: a faint vertical line.
    if (view.month.year == series.year) {
        const float x = layout.month_x[static_cast<std::size_t>(view.month.month - 1)];
        draw->AddLine(ImVec2(x, plot.y0), ImVec2(x, plot.y1), kGrid, 2);
    }
    for (int m = 1; m < 12; ++m)
        DashedLine(draw, V(layout.planned[static_cast<std::size_t>(m - 1)]), V(layout.planned[static_cast<std::size_t>(m)]),
                   kPlannedLine, 2.5f, 6);
    for (const ChartPoint& p : layout.planned)
        draw->AddCircleFilled(V(p), 3, kPlannedLine);
    std::vector<ImVec2> actual;
    for (const ChartPoint& p : layout.actual)
        actual.push_back(V(p));
    if (actual.size() > 1)
        draw->AddPolyline(actual.data(), static_cast<int>(actual.size()), kActualLine, 0, 3.5f);
    for (const ImVec2& p : actual)
        draw->AddCircleFilled(p, 4.5f, kActualLine);

    float legend_x = plot.x0;
    const float legend_y = plot.y1 + line * 1.5f;
    LegendItem(draw, legend_x, legend_y, kActualLine, Tr(StrId::DashLegendActual));
    LegendItem(draw, legend_x, legend_y, kPlannedLine, Tr(StrId::DashLegendPlanned), true);

    if (hit >= 0) {
        const SCurveMonth& m = series.months[static_cast<std::size_t>(hit)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(MonthText(YearMonth{series.year, m.month}).c_str());
        MarkItem("chart.scurve.tooltip");
        ImGui::Separator();
        if (m.has_actual) {
            ImGui::TextUnformatted(Format(Tr(StrId::DashTipActual), m.actual.ToDisplay().c_str()).c_str());
            ImGui::TextUnformatted(Format(Tr(StrId::DashTipRate), kpl::FormatPercent(m.actual_percent).c_str()).c_str());
        } else {
            ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::DashTipNoReport));
        }
        ImGui::TextUnformatted(Format(Tr(StrId::DashTipPlanned), m.planned.ToDisplay().c_str()).c_str());
        ImGui::TextUnformatted(Format(Tr(StrId::DashTipSchedule), kpl::FormatPercent(m.schedule_percent).c_str()).c_str());
        ImGui::EndTooltip();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(size.x, 0));
}

void DrawBars(const Ledger& ledger, const std::vector<PlanBar>& bars, StrId title, const char* mark, YearMonth month,
              ImVec2 size, CommandList& commands)
{
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImGui::TextUnformatted(Tr(title));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (bars.empty()) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::DashNoData));
        return;
    }
    float label_width = 0;
    for (const PlanBar& b : bars)
        label_width = std::max(label_width, ImGui::CalcTextSize(b.name.c_str()).x);
    label_width = std::min(label_width, size.x * 0.35f) + 0.6f * em;
    const float rate_width = ImGui::CalcTextSize("100.00%").x + 0.6f * em;
    // Below the rows: tick labels and the legend, 2.8 lines.
    const float rows_height = std::max(size.y - ImGui::GetTextLineHeightWithSpacing() - line * 3.0f,
                                       line * 1.2f * static_cast<float>(bars.size()));
    const ChartRect plot{origin.x + label_width, origin.y + 0.2f * line, origin.x + size.x - rate_width,
                         origin.y + 0.2f * line + rows_height};
    const BarsLayout layout = LayoutPlanBars(bars, plot);

    ImGui::SetCursorScreenPos(ImVec2(origin.x, plot.y0));
    const bool clicked = ImGui::InvisibleButton(mark, ImVec2(std::max(1.0f, size.x), std::max(1.0f, plot.Height())));
    MarkItem(mark);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    // The whole row (label and rate too) answers the mouse: map x into the plot for the hit test.
    const int hit = hovered ? HitBars(layout, std::clamp(mouse.x, plot.x0, plot.x1), mouse.y) : -1;

    draw->AddRectFilled(ImVec2(plot.x0, plot.y0), ImVec2(plot.x1, plot.y1), kCardBg);
    for (std::size_t i = 0; i < layout.tick_x.size(); ++i) {
        draw->AddLine(ImVec2(layout.tick_x[i], plot.y0), ImVec2(layout.tick_x[i], plot.y1), kGrid);
        TextAt(draw, layout.tick_x[i], plot.y1 + 0.2f * em, kText, layout.ticks.labels[i], 0.5f, 0);
    }
    // The unit after the last tick label, which is centred on the plot's right edge.
    const float last_label = ImGui::CalcTextSize(layout.ticks.labels.back().c_str()).x;
    TextAt(draw, plot.x1 + last_label / 2 + 0.3f * em, plot.y1 + 0.2f * em, kAxis, UnitText(layout.ticks.yi), 0, 0);
    const ImVec4 clip(origin.x, plot.y0, plot.x0 - 0.3f * em, plot.y1);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const BarRowLayout& row = layout.rows[i];
        if (static_cast<int>(i) == hit)
            draw->AddRectFilled(ImVec2(origin.x, row.row.y0), ImVec2(origin.x + size.x, row.row.y1), kHover);
        const float mid = (row.row.y0 + row.row.y1) / 2;
        const ImVec2 text_size = ImGui::CalcTextSize(bars[i].name.c_str());
        draw->AddText(nullptr, 0, ImVec2(plot.x0 - 0.3f * em - std::min(text_size.x, label_width - 0.6f * em),
                                         std::round(mid - text_size.y / 2)),
                      kText, bars[i].name.c_str(), nullptr, 0, &clip);
        draw->AddRectFilled(ImVec2(row.plan.x0, row.plan.y0), ImVec2(row.plan.x1, row.plan.y1), kPlanBar, 2);
        draw->AddRectFilled(ImVec2(row.completed.x0, row.completed.y0), ImVec2(row.completed.x1, row.completed.y1),
                            kCompletedBar, 2);
        TextAt(draw, plot.x1 + 0.3f * em, mid, kText, kpl::FormatPercent(bars[i].percent), 0, 0.5f);
    }
    draw->AddLine(ImVec2(plot.x0, plot.y0), ImVec2(plot.x0, plot.y1), kAxis);
    float legend_x = plot.x0;
    const float legend_y = plot.y1 + line * 1.3f;
    SwatchLegend(draw, legend_x, legend_y, kPlanBar, Tr(StrId::DashLegendPlan));
    SwatchLegend(draw, legend_x, legend_y, kCompletedBar, Tr(StrId::DashLegendCompleted));

    if (hit >= 0) {
        const PlanBar& b = bars[static_cast<std::size_t>(hit)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(b.name.c_str());
        MarkItem(std::string(mark) + ".tooltip");
        ImGui::Separator();
        ImGui::TextUnformatted(Format(Tr(StrId::DashTipPlan), b.plan.ToDisplay().c_str()).c_str());
        ImGui::TextUnformatted(Format(Tr(StrId::DashTipCompleted), b.completed.ToDisplay().c_str(),
                                      kpl::FormatPercent(b.percent).c_str()).c_str());
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::DashTipClick));
        ImGui::EndTooltip();
        if (clicked)
            DrillDown(ledger, b.projects, Format(Tr(StrId::DashDrillList), b.name.c_str(), MonthText(month).c_str()),
                      commands);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, legend_y + line * 1.3f));
    ImGui::Dummy(ImVec2(size.x, 0));
}

void DrawBreakdown(const Ledger& ledger, const std::vector<BreakdownGroup>& groups, const char* title,
                   const std::vector<std::string>& labels, const std::vector<ImU32>& colours, const char* mark,
                   YearMonth month, float width, CommandList& commands)
{
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImGui::TextUnformatted(title);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ChartRect bar{origin.x, origin.y + 0.2f * line, origin.x + width, origin.y + 0.2f * line + line * 1.8f};
    const BreakdownLayout layout = LayoutBreakdown(groups, bar);
    ImGui::SetCursorScreenPos(ImVec2(bar.x0, bar.y0));
    const bool clicked = ImGui::InvisibleButton(mark, ImVec2(std::max(1.0f, bar.Width()), bar.Height()));
    MarkItem(mark);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int hit = ImGui::IsItemHovered() ? HitBreakdown(layout, mouse.x, mouse.y) : -1;
    int total = 0;
    for (const BreakdownGroup& g : groups)
        total += g.Count();
    draw->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), kGrid, 3);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const ChartRect& s = layout.segments[i];
        if (s.Width() <= 0)
            continue;
        draw->AddRectFilled(ImVec2(s.x0, s.y0), ImVec2(s.x1, s.y1), colours[i]);
        if (static_cast<int>(i) == hit)
            draw->AddRect(ImVec2(s.x0, s.y0), ImVec2(s.x1, s.y1), kText, 0, 0, 2);
        const std::string count = std::to_string(groups[i].Count());
        if (ImGui::CalcTextSize(count.c_str()).x + 0.4f * em < s.Width())
            TextAt(draw, (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2, Col(255, 255, 255), count, 0.5f, 0.5f);
    }
    float legend_x = bar.x0;
    const float legend_y = bar.y1 + 0.3f * line;
    for (std::size_t i = 0; i < groups.size(); ++i)
        SwatchLegend(draw, legend_x, legend_y, colours[i], labels[i] + " " + std::to_string(groups[i].Count()));
    if (hit >= 0) {
        const BreakdownGroup& g = groups[static_cast<std::size_t>(hit)];
        const std::optional<double> share =
            total > 0 ? std::optional<double>(100.0 * g.Count() / total) : std::nullopt;
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(Format(Tr(StrId::DashTipGroup), labels[static_cast<std::size_t>(hit)].c_str(), g.Count(),
                                      kpl::FormatPercent(share).c_str()).c_str());
        MarkItem(std::string(mark) + ".tooltip");
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::DashTipClick));
        ImGui::EndTooltip();
        if (clicked)
            DrillDown(ledger, g.projects,
                      Format(Tr(StrId::DashDrillList), labels[static_cast<std::size_t>(hit)].c_str(), MonthText(month).c_str()),
                      commands);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, legend_y + line * 1.4f));
    ImGui::Dummy(ImVec2(width, 0));
}

void MonthSelector(const Ledger& ledger, DashboardView& view)
{
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(StrId::DashMonth));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(9 * em);
    if (ImGui::BeginCombo("##dashboard-month", MonthText(view.month).c_str())) {
        for (YearMonth m : LedgerMonths(ledger)) {
            std::string label = MonthText(m);
            if (ledger.meta.as_of && *ledger.meta.as_of == m)
                label += Tr(StrId::DashAsOfNote);
            if (ImGui::Selectable(label.c_str(), m == view.month))
                view.month = m;
        }
        ImGui::EndCombo();
    }
    MarkItem("dashboard.month");
    ImGui::SameLine(0, 2 * em);
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::DashCardHint));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] DrawDashboard

void DrawDashboard(const AppState& state, DashboardView& view, CommandList& commands, float reserve_bottom)
{
    if (!HasLedger(state))
        return;
    const Ledger& ledger = *CurrentLedger(state);
    Refresh(state, view);
    RefreshCards(ledger, view);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = std::max(avail.y - reserve_bottom, ImGui::GetFrameHeight() * 4);
    ImGui::BeginChild("##dashboard", ImVec2(avail.x, height));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;

    MonthSelector(ledger, view);

    // Cards: as many per row as fit at about 8.5 em (all nine on a 1400-pixel window), at least 3.
    const std::vector<Card>& cards = view.cards;
    const int per_row = std::clamp(static_cast<int>((width + style.ItemSpacing.x) / (8.5f * em + style.ItemSpacing.x)), 3,
                                   static_cast<int>(cards.size()));
    const float card_width = (width - style.ItemSpacing.x * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (i % static_cast<std::size_t>(per_row) != 0)
            ImGui::SameLine();
        ImGui::BeginGroup();
        DrawCard(ledger, cards[i], view.month, card_width, commands);
        ImGui::EndGroup();
    }
    ImGui::Spacing();

    // Charts: the S-curve beside the two bar charts, the breakdowns below.
    const float gap = 1.5f * em;
    const float chart_height = std::max(ImGui::GetContentRegionAvail().y - 5.5f * ImGui::GetTextLineHeightWithSpacing(),
                                        18 * ImGui::GetTextLineHeight());
    const float curve_width = std::floor((width - 2 * gap) * 0.46f);
    const float bars_width = std::floor((width - 2 * gap - curve_width) / 2);
    ImGui::BeginGroup();
    DrawSCurve(ledger, view, ImVec2(curve_width, chart_height));
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    DrawBars(ledger, view.data.district_bars, StrId::DashBarsDistrict, "chart.bars.district", view.month,
             ImVec2(bars_width, chart_height), commands);
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    DrawBars(ledger, view.data.department_bars, StrId::DashBarsDepartment, "chart.bars.department", view.month,
             ImVec2(bars_width, chart_height), commands);
    ImGui::EndGroup();
    ImGui::Spacing();

    const float half = std::floor((width - gap) / 2);
    std::vector<std::string> status_labels;
    std::vector<ImU32> status_colours;
    for (ProjectStatus s : kAllStatuses) {
        status_labels.push_back(Label(s));
        status_colours.push_back(ImGui::GetColorU32(theme::StatusColor(s)));
    }
    ImGui::BeginGroup();
    DrawBreakdown(ledger, view.data.statuses, Tr(StrId::DashStatusTitle), status_labels, status_colours, "chart.status",
                  view.month, half, commands);
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    DrawBreakdown(ledger, view.data.warnings, Tr(StrId::DashWarningTitle),
                  {Tr(StrId::DashGreen), Tr(StrId::DashYellowShort), Tr(StrId::DashRedShort)}, {kGreen, kYellow, kRed},
                  "chart.warnings", view.month, half, commands);
    ImGui::EndGroup();
    ImGui::EndChild();
}

} // namespace kpl::ui
