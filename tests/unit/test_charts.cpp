// The dashboard's chart data, axis ticks, layouts and hit tests (core/charts.h) on the hand-built
// ledger of supervision_ledger.h (as of 2016-06) and on the demo ledger; expected figures worked out
// by hand in the comments.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "charts.h"
#include "ledger_json.h"
#include "supervision_ledger.h"

using namespace kpl;
using kpl_test::SupervisionLedger;

namespace {

using Indices = std::vector<int>;

// Cents of a whole or fractional number of 万元.
int64_t Wan(double wan) { return static_cast<int64_t>(wan * 100 + (wan < 0 ? -0.5 : 0.5)); }

std::vector<std::string> Labels(const AxisTicks& t) { return t.labels; }

} // namespace

// SupervisionLedger: plans P1 1200, P2 2400, P3 600, P4 1000 = 5200 万元.
// Investment: P1 100 a month Jan..Jun; P2 May 200, Jun 400; P3 120 a month Jan..May; P4 none.
// Cumulative totals: Jan 100+120 = 220, Feb 440, Mar 660, Apr 880,
//   May 500 + 200 + 600 = 1300, Jun 600 + 600 + 600 = 1800.

TEST_CASE("charts: S-curve of the total, actual through the as-of month only")
{
    const Ledger l = SupervisionLedger();
    const SCurveSeries s = BuildSCurve(l, BuildTimelines(l), ChartScope{}, YearMonth{2016, 6});
    CHECK(s.annual_plan.Cents() == Wan(5200));
    CHECK(s.projects == Indices{0, 1, 2, 3});
    const int64_t actual[6] = {220, 440, 660, 880, 1300, 1800};
    for (int m = 1; m <= 6; ++m) {
        CAPTURE(m);
        CHECK(s.months[m - 1].has_actual);
        CHECK(s.months[m - 1].actual.Cents() == Wan(static_cast<double>(actual[m - 1])));
    }
    for (int m = 7; m <= 12; ++m)
        CHECK_FALSE(s.months[m - 1].has_actual);
    // 序时进度 (calendar months) m/12; planned = 5200 × m/12: Jan 433.33 (433.333 rounded to the
    // hundredth), Mar 1300, Jun 2600, Dec 5200.
    CHECK(s.months[0].schedule_percent == doctest::Approx(100.0 / 12));
    CHECK(s.months[0].planned.Cents() == 43333);
    CHECK(s.months[2].planned.Cents() == Wan(1300));
    CHECK(s.months[5].planned.Cents() == Wan(2600));
    CHECK(s.months[11].planned.Cents() == Wan(5200));
    CHECK(s.months[11].schedule_percent == doctest::Approx(100));
    // June: 1800 ÷ 5200 = 34.615...%
    REQUIRE(s.months[5].actual_percent);
    CHECK(*s.months[5].actual_percent == doctest::Approx(100.0 * 1800 / 5200));
    CHECK_FALSE(s.months[6].actual_percent);
}

TEST_CASE("charts: S-curve of a district, a department, a project; months outside the year")
{
    const Ledger l = SupervisionLedger();
    const LedgerTimelines t = BuildTimelines(l);
    // D1 = P1 + P2: plan 3600; April 400 (P1 only), June 600 + 600 = 1200.
    const SCurveSeries d1 = BuildSCurve(l, t, ChartScope{ChartScopeKind::District, "D1"}, YearMonth{2016, 6});
    CHECK(d1.projects == Indices{0, 1});
    CHECK(d1.annual_plan.Cents() == Wan(3600));
    CHECK(d1.months[3].actual.Cents() == Wan(400));
    CHECK(d1.months[5].actual.Cents() == Wan(1200));
    CHECK(d1.months[5].planned.Cents() == Wan(1800));  // 3600 × 6/12
    // U1 = P1 + P3: plan 1800; June 600 + 600 = 1200.
    const SCurveSeries u1 = BuildSCurve(l, t, ChartScope{ChartScopeKind::Department, "U1"}, YearMonth{2016, 6});
    CHECK(u1.projects == Indices{0, 2});
    CHECK(u1.months[5].actual.Cents() == Wan(1200));
    // P4: plan 1000, nothing invested: actual 0 through June, 0%.
    const SCurveSeries p4 = BuildSCurve(l, t, ChartScope{ChartScopeKind::Project, "P4"}, YearMonth{2016, 6});
    CHECK(p4.annual_plan.Cents() == Wan(1000));
    CHECK(p4.months[5].has_actual);
    CHECK(p4.months[5].actual.Cents() == 0);
    CHECK(*p4.months[5].actual_percent == doctest::Approx(0));
    // D3 has no project: no plan, no percentage.
    const SCurveSeries d3 = BuildSCurve(l, t, ChartScope{ChartScopeKind::District, "D3"}, YearMonth{2016, 6});
    CHECK(d3.projects.empty());
    CHECK(d3.annual_plan.Cents() == 0);
    CHECK_FALSE(d3.months[0].actual_percent);
    // Before the ledger's year nothing is actual; after it every month is (June's 1800 is the total).
    const SCurveSeries before = BuildSCurve(l, t, ChartScope{}, YearMonth{2015, 12});
    for (const SCurveMonth& m : before.months)
        CHECK_FALSE(m.has_actual);
    const SCurveSeries after = BuildSCurve(l, t, ChartScope{}, YearMonth{2017, 1});
    CHECK(after.months[11].has_actual);
    CHECK(after.months[11].actual.Cents() == Wan(1800));
}

TEST_CASE("charts: plan vs completed bars by district and by department")
{
    const Ledger l = SupervisionLedger();
    const IndicatorReport r = ComputeIndicators(l, YearMonth{2016, 6});
    // Districts: D1 (P1, P2) plan 3600, completed 600 + 600 = 1200 -> 33.33%;
    // D2 (P3, P4) plan 1600, completed 600 (P3: 5 × 120) -> 37.5%; D3 has no project: no bar.
    const std::vector<PlanBar> districts = PlanBars(r.districts);
    REQUIRE(districts.size() == 2);
    CHECK(districts[0].id == "D1");
    CHECK(districts[0].name == "芦淞区");
    CHECK(districts[0].plan.Cents() == Wan(3600));
    CHECK(districts[0].completed.Cents() == Wan(1200));
    CHECK(*districts[0].percent == doctest::Approx(100.0 / 3));
    CHECK(districts[0].projects == Indices{0, 1});
    CHECK(districts[1].id == "D2");
    CHECK(districts[1].plan.Cents() == Wan(1600));
    CHECK(districts[1].completed.Cents() == Wan(600));
    CHECK(*districts[1].percent == doctest::Approx(37.5));
    // Departments: U1 (P1, P3) 1800 / 1200 -> 66.67%; U2 (P2, P4) 3400 / 600 -> 17.65%.
    const std::vector<PlanBar> departments = PlanBars(r.departments);
    REQUIRE(departments.size() == 2);
    CHECK(departments[0].completed.Cents() == Wan(1200));
    CHECK(departments[0].plan.Cents() == Wan(1800));
    CHECK(departments[1].plan.Cents() == Wan(3400));
    CHECK(*departments[1].percent == doctest::Approx(100.0 * 600 / 3400));
}

TEST_CASE("charts: status breakdown as of a month")
{
    const Ledger l = SupervisionLedger();
    // End of June: P1 started 2015, P2 started 05-10: under construction; P3 completed 05-31
    // (status completed); P4 not started.
    std::vector<BreakdownGroup> june = StatusBreakdown(l, YearMonth{2016, 6});
    REQUIRE(june.size() == 4);
    CHECK(june[static_cast<int>(ProjectStatus::NotStarted)].projects == Indices{3});
    CHECK(june[static_cast<int>(ProjectStatus::UnderConstruction)].projects == Indices{0, 1});
    CHECK(june[static_cast<int>(ProjectStatus::Completed)].projects == Indices{2});
    CHECK(june[static_cast<int>(ProjectStatus::Commissioned)].Count() == 0);
    // End of April: P2 (actual start 05-10) had not started; P3 (completed 05-31) was still building.
    std::vector<BreakdownGroup> april = StatusBreakdown(l, YearMonth{2016, 4});
    CHECK(april[static_cast<int>(ProjectStatus::NotStarted)].projects == Indices{1, 3});
    CHECK(april[static_cast<int>(ProjectStatus::UnderConstruction)].projects == Indices{0, 2});
    CHECK(april[static_cast<int>(ProjectStatus::Completed)].Count() == 0);
}

TEST_CASE("charts: the dashboard's key figures, warnings and problems for a month")
{
    const Ledger l = SupervisionLedger();
    const LedgerTimelines t = BuildTimelines(l);
    const DashboardData june = BuildDashboardData(l, t, YearMonth{2016, 6});
    // 开工率: every project was due to start by June (P1 2015-01-01, P2 03-15, P3 2014, P4 02-01);
    // started: P1, P2, P3 -> 3/4.
    const Figure& start = june.figures.total.Get(Indicator::Start);
    CHECK(start.numerator_projects == Indices{0, 1, 2});
    CHECK(start.denominator_projects == Indices{0, 1, 2, 3});
    // 竣工投产率: targets P3, P4; P3 completed 05-31 -> 1/2.
    const Figure& completion = june.figures.total.Get(Indicator::Completion);
    CHECK(completion.numerator_projects == Indices{2});
    CHECK(completion.denominator_projects == Indices{2, 3});
    CHECK(*completion.percent == doctest::Approx(50));
    // Warnings in June: P1 was red in May (funds 300 < 1000 × 5/12 = 416.67) and its rules are green
    // in June (funds 500 = 1000 × 50%, 600/1200 = 50% on schedule): shown yellow. P2 25 points
    // behind (600/2400 = 25% vs 50%): yellow. P3 completed: green. P4 not started, overdue Q1: red.
    CHECK(june.figures.red_projects == Indices{3});
    CHECK(june.figures.yellow_projects == Indices{0, 1});
    REQUIRE(june.warnings.size() == 3);
    CHECK(june.warnings[static_cast<int>(WarningColour::Green)].projects == Indices{2});
    // Problems at 06-30: Q1 (P4) open, deadline 06-10 passed; Q2 closed 05-10; Q3 closed 06-18.
    CHECK(june.figures.open_problems == 1);
    CHECK(june.figures.overdue_problems == 1);
    CHECK(june.figures.open_problem_projects == Indices{3});
    CHECK(june.figures.overdue_problem_projects == Indices{3});
    // At 04-30: Q1 not yet assigned (05-01); Q2 (P3) open, deadline 05-01 not yet passed.
    const DashboardData april = BuildDashboardData(l, t, YearMonth{2016, 4});
    CHECK(april.figures.open_problems == 1);
    CHECK(april.figures.overdue_problems == 0);
    CHECK(april.figures.open_problem_projects == Indices{2});
    CHECK(april.figures.overdue_problem_projects.empty());
    CHECK(april.district_bars.size() == 2);
    // The dashboard opens on the as-of month and offers the ledger's twelve months.
    CHECK(DefaultChartMonth(l) == YearMonth{2016, 6});
    CHECK(LedgerMonths(l).size() == 12);
    CHECK(LedgerMonths(l).front() == YearMonth{2016, 1});
}

TEST_CASE("charts: nice ticks in 万元, 亿元 from 1亿元 up")
{
    // 5200: 5200/5 = 1040 -> step 2000 (the next of 1, 2, 2.5, 5 × 1000); top ceil(2.6) = 3 steps.
    AxisTicks a = NiceMoneyTicks(5200);
    CHECK(a.step == doctest::Approx(2000));
    CHECK_FALSE(a.yi);
    CHECK(Labels(a) == std::vector<std::string>{"0", "2,000", "4,000", "6,000"});
    // 9000: 1800 -> step 2000, ceil(4.5) = 5 steps: top 10000 = 1亿元, so 亿元 with one decimal.
    AxisTicks b = NiceMoneyTicks(9000);
    CHECK(b.yi);
    CHECK(Labels(b) == std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});
    // 11000: 2200 -> step 2500, 5 steps to 12500: 0.25亿元 steps need two decimals.
    AxisTicks c = NiceMoneyTicks(11000);
    CHECK(c.step == doctest::Approx(2500));
    CHECK(Labels(c) == std::vector<std::string>{"0.00", "0.25", "0.50", "0.75", "1.00", "1.25"});
    // The demo's 736,500: 147,300 -> step 200,000 (20亿元), ceil(3.68) = 4 steps: 0..80亿元.
    AxisTicks d = NiceMoneyTicks(736500);
    CHECK(d.yi);
    CHECK(Labels(d) == std::vector<std::string>{"0", "20", "40", "60", "80"});
    CHECK(d.Top() == doctest::Approx(800000));
    // Small values: 45 -> 9 -> step 10, five steps.
    CHECK(Labels(NiceMoneyTicks(45)) == std::vector<std::string>{"0", "10", "20", "30", "40", "50"});
    // Nothing to show still gets an axis: 0..5 万元.
    AxisTicks e = NiceMoneyTicks(0);
    CHECK(e.values.size() == 6);
    CHECK(e.Top() == doctest::Approx(5));
    // A value in an axis's unit.
    CHECK(AxisValueText(736500, true) == "73.65");
    CHECK(AxisValueText(1234567.5, false, 1) == "1,234,567.5");
    CHECK(AxisValueText(-0.001, false, 2) == "0.00");
}

TEST_CASE("charts: month axis labels")
{
    CHECK(MonthAxisLabel(1, Language::Chinese) == "1月");
    CHECK(MonthAxisLabel(12, Language::Chinese) == "12月");
    CHECK(MonthAxisLabel(9, Language::English) == "Sep");
    CHECK(MonthAxisLabel(13, Language::Chinese).empty());
}

TEST_CASE("charts: S-curve layout in a plot rectangle, and which month the mouse is over")
{
    const Ledger l = SupervisionLedger();
    const SCurveSeries s = BuildSCurve(l, BuildTimelines(l), ChartScope{}, YearMonth{2016, 6});
    // Plot x 100..700 (12 columns of 50), y 50..350 (300 high); ticks 0..6000 (see above):
    // y(v) = 350 - v / 6000 × 300.
    const SCurveLayout layout = LayoutSCurve(s, ChartRect{100, 50, 700, 350});
    CHECK(layout.column_width == doctest::Approx(50));
    CHECK(layout.month_x[0] == doctest::Approx(125));
    CHECK(layout.month_x[11] == doctest::Approx(675));
    REQUIRE(layout.tick_y.size() == 4);
    CHECK(layout.tick_y[0] == doctest::Approx(350));
    CHECK(layout.tick_y[1] == doctest::Approx(250));
    CHECK(layout.tick_y[3] == doctest::Approx(50));
    // June planned 2600 -> 350 - 130 = 220; December 5200 -> 90.
    CHECK(layout.planned[5].y == doctest::Approx(220));
    CHECK(layout.planned[11].y == doctest::Approx(90));
    // Six actual points; January 220 -> 350 - 11 = 339; June 1800 -> 260.
    REQUIRE(layout.actual.size() == 6);
    CHECK(layout.actual[0].y == doctest::Approx(339));
    CHECK(layout.actual[5].x == doctest::Approx(375));
    CHECK(layout.actual[5].y == doctest::Approx(260));
    // Right axis: 100 % at the plan (5200 -> y 90), 50 % at 2600 -> y 220.
    REQUIRE(layout.percent_ticks.size() == 5);
    CHECK(layout.percent_tick_y[4] == doctest::Approx(90));
    CHECK(layout.percent_tick_y[2] == doctest::Approx(220));
    // Hits: column = (x - 100) / 50.
    CHECK(HitSCurve(layout, 125, 200) == 0);
    CHECK(HitSCurve(layout, 420, 200) == 6);
    CHECK(HitSCurve(layout, 699, 100) == 11);
    CHECK(HitSCurve(layout, 90, 200) == -1);   // left of the plot
    CHECK(HitSCurve(layout, 400, 360) == -1);  // below it
}

TEST_CASE("charts: bars layout and hits")
{
    const Ledger l = SupervisionLedger();
    const std::vector<PlanBar> bars = PlanBars(ComputeIndicators(l, YearMonth{2016, 6}).districts);
    // D1 3600 / 1200, D2 1600 / 600; max 3600 -> 720 -> step 1000, top 4000.
    // Plot x 200..600 (400 wide): x(v) = 200 + v / 10. Two bands of 50 in y 0..100; the plan bar
    // 70 % of the band (35) centred: 7.5..42.5; the completed bar the middle half: 16.25..33.75.
    const BarsLayout layout = LayoutPlanBars(bars, ChartRect{200, 0, 600, 100});
    CHECK(layout.ticks.Top() == doctest::Approx(4000));
    REQUIRE(layout.tick_x.size() == 5);
    CHECK(layout.tick_x[1] == doctest::Approx(300));
    REQUIRE(layout.rows.size() == 2);
    CHECK(layout.rows[0].plan.x1 == doctest::Approx(560));
    CHECK(layout.rows[0].completed.x1 == doctest::Approx(320));
    CHECK(layout.rows[0].plan.y0 == doctest::Approx(7.5));
    CHECK(layout.rows[0].plan.y1 == doctest::Approx(42.5));
    CHECK(layout.rows[0].completed.y0 == doctest::Approx(16.25));
    CHECK(layout.rows[0].completed.y1 == doctest::Approx(33.75));
    CHECK(layout.rows[1].plan.x1 == doctest::Approx(360));
    CHECK(layout.rows[1].completed.x1 == doctest::Approx(260));
    CHECK(layout.rows[1].row.y0 == doctest::Approx(50));
    CHECK(HitBars(layout, 300, 25) == 0);
    CHECK(HitBars(layout, 300, 75) == 1);
    CHECK(HitBars(layout, 150, 25) == -1);
    CHECK(HitBars(layout, 300, 101) == -1);
}

TEST_CASE("charts: breakdown bar layout and hits")
{
    const Ledger l = SupervisionLedger();
    // June: not started 1, under construction 2, completed 1, commissioned 0 of 4 over 400 px:
    // widths 100, 200, 100, 0.
    const BreakdownLayout layout = LayoutBreakdown(StatusBreakdown(l, YearMonth{2016, 6}), ChartRect{0, 0, 400, 20});
    REQUIRE(layout.segments.size() == 4);
    CHECK(layout.segments[0].x1 == doctest::Approx(100));
    CHECK(layout.segments[1].x0 == doctest::Approx(100));
    CHECK(layout.segments[1].x1 == doctest::Approx(300));
    CHECK(layout.segments[2].x1 == doctest::Approx(400));
    CHECK(layout.segments[3].Width() == doctest::Approx(0));
    CHECK(HitBreakdown(layout, 50, 10) == 0);
    CHECK(HitBreakdown(layout, 150, 10) == 1);
    CHECK(HitBreakdown(layout, 350, 10) == 2);
    CHECK(HitBreakdown(layout, 400, 10) == 2);  // the empty segment at the end takes no hit
    CHECK(HitBreakdown(layout, 50, 30) == -1);
}

TEST_CASE("charts: the demo ledger's totals on the dashboard")
{
    std::ifstream in(KPL_DEMO_LEDGER, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    LoadResult loaded = LoadLedger(bytes.str());
    REQUIRE(loaded.ledger);
    const Ledger& l = *loaded.ledger;
    const LedgerTimelines t = BuildTimelines(l);
    // 153 projects, 59 completion targets, 736,500万元 of annual plan (README, domain.md).
    const SCurveSeries s = BuildSCurve(l, t, ChartScope{}, DefaultChartMonth(l));
    CHECK(s.projects.size() == 153);
    CHECK(s.annual_plan.Cents() == Wan(736500));
    CHECK(s.months[11].planned.Cents() == Wan(736500));
    const DashboardData d = BuildDashboardData(l, t, DefaultChartMonth(l));
    CHECK(d.figures.total.Get(Indicator::Completion).denominator_projects.size() == 59);
    CHECK(d.figures.total.Get(Indicator::Investment).denominator == Wan(736500));
    int statuses = 0, colours = 0;
    for (const BreakdownGroup& g : d.statuses)
        statuses += g.Count();
    for (const BreakdownGroup& g : d.warnings)
        colours += g.Count();
    CHECK(statuses == 153);
    CHECK(colours == 153);
    // Every district's and department's plan adds up to the total.
    int64_t by_district = 0, by_department = 0;
    for (const PlanBar& b : d.district_bars)
        by_district += b.plan.Cents();
    for (const PlanBar& b : d.department_bars)
        by_department += b.plan.Cents();
    CHECK(by_district == Wan(736500));
    CHECK(by_department == Wan(736500));
}
