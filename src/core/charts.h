// What the dashboard's charts show, and where: the data series built from the indicators (S-curve of
// cumulative planned and actual investment with the 序时进度 line, plan-vs-completed bars by district
// and by department, status and warning breakdowns, the month's key figures with their projects),
// "nice" axis ticks in 万元 / 亿元 and month labels, and layouts that map the data to pixel rectangles
// and points inside a plot rectangle, with hit tests for hover tooltips. The UI only draws these
// records, so every position and value is tested natively without a GPU.
// Core module: standard library only (indicators.h, warnings.h).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "indicators.h"
#include "warnings.h"

namespace kpl {

// ---------------------------------------------------------------------------------------------
// [SECTION] Data

// Which projects an S-curve sums: all of them, or those of one district, department or project.
enum class ChartScopeKind { Total, District, Department, Project };
struct ChartScope {
    ChartScopeKind kind = ChartScopeKind::Total;
    std::string id;   // record ID; "" for the total
    bool operator==(const ChartScope& o) const { return kind == o.kind && id == o.id; }
    bool operator!=(const ChartScope& o) const { return !(*this == o); }
};

// Indices into ledger.projects (ledger order) of the projects in a scope; an unknown ID has none.
std::vector<int> ScopeProjects(const Ledger& ledger, const ChartScope& scope);

// One month (1..12) of the S-curve.
struct SCurveMonth {
    int month = 0;
    bool has_actual = false;      // months after `through` have no actual figure
    Money actual;                 // this year's investment reported for months 1..month (cumulative)
    Money planned;                // annual plan × 序时进度 of the month, rounded to the hundredth
    double schedule_percent = 0;  // 序时进度 of the month, 0..100
    // actual ÷ annual plan, nothing without a plan or an actual figure
    std::optional<double> actual_percent;
};

struct SCurveSeries {
    ChartScope scope;
    YearMonth through;            // the as-of month: actual figures stop here
    int year = 0;
    Money annual_plan;            // Σ plan_wan of the scope's projects
    std::vector<int> projects;    // the scope's projects
    std::array<SCurveMonth, 12> months;
};

// The S-curve of `scope` for the ledger's year, actual investment through `through` only.
SCurveSeries BuildSCurve(const Ledger& ledger, const LedgerTimelines& timelines, const ChartScope& scope,
                         YearMonth through);

// One unit's bar: its plan and what it completed through the month (投资完成率's figure).
struct PlanBar {
    std::string id;
    std::string name;
    Money plan;
    Money completed;
    std::optional<double> percent;  // completed ÷ plan
    std::vector<int> projects;      // the unit's projects with a plan (the figure's denominator)
};

// One bar per district and per department (ledger order), units without projects left out.
std::vector<PlanBar> PlanBars(const std::vector<UnitIndicators>& units);

// A breakdown of the projects into groups (statuses, warning colours), each with its projects.
struct BreakdownGroup {
    int key = 0;                    // ProjectStatus or WarningColour as int
    std::vector<int> projects;      // ledger order
    int Count() const { return static_cast<int>(projects.size()); }
};

// The projects by their status (NotStarted, UnderConstruction, Completed, Commissioned) as of
// `month`: completed/commissioned status counts when CompletedBy the month's end, else started
// projects count as under construction, else not started. So a past month shows its own picture.
std::vector<BreakdownGroup> StatusBreakdown(const Ledger& ledger, YearMonth month);
// The projects by their warning colour in `month` (Green, Yellow, Red); all green when the history
// does not reach the month.
std::vector<BreakdownGroup> WarningBreakdown(const Ledger& ledger, const WarningHistory& history, YearMonth month);

// The dashboard's key figures for a month: the five indicators (with their project lists), the
// red and yellow projects, the projects with open and with overdue problems at the month's end.
struct KeyFigures {
    YearMonth month;
    IndicatorSet total;
    std::vector<int> red_projects;
    std::vector<int> yellow_projects;
    int open_problems = 0;
    int overdue_problems = 0;
    std::vector<int> open_problem_projects;     // projects with an open problem, ledger order
    std::vector<int> overdue_problem_projects;  // projects with an overdue problem, ledger order
};

// Everything of the dashboard that depends only on (ledger, month): computed once per ledger
// generation and month by the view.
struct DashboardData {
    YearMonth month;
    KeyFigures figures;
    std::vector<PlanBar> district_bars;
    std::vector<PlanBar> department_bars;
    std::vector<BreakdownGroup> statuses;
    std::vector<BreakdownGroup> warnings;
};

DashboardData BuildDashboardData(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month);

// The months a dashboard offers: January..December of the ledger's year.
std::vector<YearMonth> LedgerMonths(const Ledger& ledger);
// The month the dashboard opens on: meta.as_of, else December of the ledger's year.
YearMonth DefaultChartMonth(const Ledger& ledger);

// ---------------------------------------------------------------------------------------------
// [SECTION] Axes

// Ticks of a money axis from 0 up to at least `max_wan` (万元): about `target_count` steps of 1, 2,
// 2.5 or 5 × 10^k 万元. Labels in 亿元 (value ÷ 10000) when the top tick reaches 1亿元, else in 万元
// with thousands separators; as few decimals as make every label exact.
struct AxisTicks {
    std::vector<double> values;       // 万元, ascending, first 0
    std::vector<std::string> labels;  // "0", "2,000", "4,000" or "0", "2.5", "5"
    double step = 0;                  // 万元
    bool yi = false;                  // labels are in 亿元
    double Top() const { return values.empty() ? 0 : values.back(); }
};
AxisTicks NiceMoneyTicks(double max_wan, int target_count = 5);

// A money value as the axis shows it, in the axis's unit ("7.37" for 73,650万元 on a 亿元 axis).
std::string AxisValueText(double wan, bool yi, int decimals = 2);

// "1月".."12月" in Chinese, "Jan".."Dec" in English.
std::string MonthAxisLabel(int month, Language language);

// ---------------------------------------------------------------------------------------------
// [SECTION] Layouts and hit tests (pixels; y grows downwards as on screen)

struct ChartPoint { float x = 0, y = 0; };
struct ChartRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float Width() const { return x1 - x0; }
    float Height() const { return y1 - y0; }
    bool Contains(float x, float y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

struct SCurveLayout {
    ChartRect plot;
    AxisTicks ticks;                       // left axis, money
    std::vector<float> tick_y;             // pixel y of each tick
    std::array<float, 12> month_x{};       // pixel x of each month's centre
    float column_width = 0;                // a month's column
    std::array<ChartPoint, 12> planned{};  // cumulative planned (annual plan × 序时进度)
    std::vector<ChartPoint> actual;        // cumulative actual, months 1..through only
    // The 序时进度 line on the right axis, 0..100 % of the annual plan: tick percentages and their y.
    std::vector<double> percent_ticks;
    std::vector<float> percent_tick_y;
};

// Months are columns of equal width across `plot`; money goes from 0 at the bottom to the top tick
// at the top; the right axis puts 100 % at the annual plan's height (so the planned line reads as
// 序时进度 there).
SCurveLayout LayoutSCurve(const SCurveSeries& series, ChartRect plot);
// The month (0..11) whose column holds (x, y) inside the plot, -1 elsewhere.
int HitSCurve(const SCurveLayout& layout, float x, float y);

// Horizontal bars, one row per unit: the plan bar and, inside it, the completed bar.
struct BarRowLayout {
    ChartRect row;        // the whole row band across the plot (hover target)
    ChartRect plan;
    ChartRect completed;
};
struct BarsLayout {
    ChartRect plot;
    AxisTicks ticks;
    std::vector<float> tick_x;
    std::vector<BarRowLayout> rows;
};
// Rows of equal height top to bottom in the order of `bars`; money from 0 at the left edge to the
// top tick at the right edge.
BarsLayout LayoutPlanBars(const std::vector<PlanBar>& bars, ChartRect plot);
// The row (index into the bars) whose band holds (x, y), -1 elsewhere.
int HitBars(const BarsLayout& layout, float x, float y);

// A breakdown as one horizontal stacked bar: segment widths proportional to the counts (empty
// groups get no width).
struct BreakdownLayout {
    ChartRect bar;
    std::vector<ChartRect> segments;       // one per group, same order
};
BreakdownLayout LayoutBreakdown(const std::vector<BreakdownGroup>& groups, ChartRect bar);
// The group whose segment holds (x, y), -1 elsewhere (and for empty groups).
int HitBreakdown(const BreakdownLayout& layout, float x, float y);

} // namespace kpl
