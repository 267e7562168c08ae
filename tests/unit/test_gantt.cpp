// The Gantt timeline's core (gantt.h) on the hand-built ledger of test_ledgers.h, with a few
// milestones added. Every expected day number and pixel position is worked out in the comments.
//
// Day numbers (days since 1970-01-01): 2016-01-01 is 46 years after 1970 with 11 leap days
// (1972..2012), 46 × 365 + 11 = 16801. 2016 is a leap year; its months begin at
//   Jan +0, Feb +31, Mar +60, Apr +91, May +121, Jun +152, Jul +182, Aug +213, Sep +244, Oct +274,
//   Nov +305, Dec +335, and 2017-01-01 is +366 = 17167.
// 2015-01-01 = 16801 − 365 = 16436; 2015-09-01 = 16436 + 243 (Jan..Aug 2015) = 16679;
// 2017-11-01 = 17167 + 304 (Jan..Oct 2017) = 17471.
#include <doctest/doctest.h>

#include "gantt.h"
#include "test_ledgers.h"

using namespace kpl;
using kpl_test::TestMilestone;

namespace {

constexpr long kJan1 = 16801;  // 2016-01-01

// SmallLedger (as of 2016-06, so today is 2016-06-30 = 16801 + 152 + 29 = 16982) with:
//   P001: a third milestone with no dates (left out of the chart);
//   P002: a 开工 milestone planned 2016-05-01, not reached (its planned start, and overdue);
//   P003: 竣工验收 planned 06-30 reached 06-25 (early), 资料归档 planned 06-30 not reached (due today).
Ledger GanttLedger()
{
    Ledger l = kpl_test::SmallLedger();
    Milestone undated;
    undated.id = "P001-M3";
    undated.name = "待定节点";
    l.projects[0].milestones.push_back(undated);
    l.projects[1].milestones = {TestMilestone("P002-M1", "开工", Date{2016, 5, 1}, std::nullopt)};
    l.projects[2].milestones = {TestMilestone("P003-M1", "竣工验收", Date{2016, 6, 30}, Date{2016, 6, 25}),
                                TestMilestone("P003-M2", "资料归档", Date{2016, 6, 30}, std::nullopt)};
    return l;
}

const Date kToday{2016, 6, 30};

GanttChart AllRows()
{
    return BuildGanttChart(GanttLedger(), {0, 1, 2, 3}, kToday);
}

// 2016 across 366 pixels: one pixel a day, x = day − 16801.
GanttViewport Year2016(const GanttChart& chart)
{
    return ShowDays(chart, Date{2016, 1, 1}, Date{2016, 12, 31}, 366);
}

} // namespace

TEST_CASE("gantt: rows carry the planned span, the actual span and the milestones' lateness")
{
    const GanttChart chart = AllRows();
    REQUIRE(chart.rows.size() == 4);
    CHECK(chart.today == kToday);

    // P001: no 开工 milestone, start_year 2015 → planned from 2015-01-01 to planned_completion
    // 2017-10-31; started 2015-09-01, not completed → actual to today, ongoing.
    const GanttRow& p1 = chart.rows[0];
    CHECK(p1.project == 0);
    CHECK(p1.project_id == "P001");
    REQUIRE(p1.planned);
    CHECK(p1.planned->from == Date{2015, 1, 1});
    CHECK(p1.planned->to == Date{2017, 10, 31});
    CHECK_FALSE(p1.planned->ongoing);
    REQUIRE(p1.actual);
    CHECK(p1.actual->from == Date{2015, 9, 1});
    CHECK(p1.actual->to == kToday);
    CHECK(p1.actual->ongoing);
    // The undated third milestone is left out; the others keep their index in the project.
    REQUIRE(p1.milestones.size() == 2);
    // 施工许可 planned 03-01, reached 03-20: 19 days late.
    CHECK(p1.milestones[0].index == 0);
    CHECK(p1.milestones[0].name == "施工许可");
    CHECK(p1.milestones[0].days_late == 19);
    CHECK(p1.milestones[0].late);
    // 滨江步道贯通 planned 12-01, not reached, not yet due on 06-30.
    CHECK(p1.milestones[1].index == 1);
    CHECK(p1.milestones[1].days_late == 0);
    CHECK_FALSE(p1.milestones[1].late);
    CHECK(p1.late_count == 1);
    // Reports April 40, May 50, June 55: the latest through June.
    REQUIRE(p1.percent_complete);
    CHECK(*p1.percent_complete == doctest::Approx(55));

    // P002: the 开工 milestone (05-01) is its planned start; no planned_completion, so the bar ends
    // at its latest planned milestone, the same day. Not started: no actual span. Overdue: June 30 −
    // May 1 = 16982 − 16922 = 60 days.
    const GanttRow& p2 = chart.rows[1];
    REQUIRE(p2.planned);
    CHECK(p2.planned->from == Date{2016, 5, 1});
    CHECK(p2.planned->to == Date{2016, 5, 1});
    CHECK_FALSE(p2.actual);
    REQUIRE(p2.milestones.size() == 1);
    CHECK(p2.milestones[0].days_late == 60);
    CHECK(p2.milestones[0].late);
    CHECK_FALSE(p2.percent_complete);

    // P003: planned 2015-01-01 (start_year) to 2016-06-30; actual 2015-03-01 to 2016-06-25, done.
    const GanttRow& p3 = chart.rows[2];
    REQUIRE(p3.planned);
    CHECK(p3.planned->to == Date{2016, 6, 30});
    REQUIRE(p3.actual);
    CHECK(p3.actual->from == Date{2015, 3, 1});
    CHECK(p3.actual->to == Date{2016, 6, 25});
    CHECK_FALSE(p3.actual->ongoing);
    // 竣工验收 reached 5 days early; 资料归档 due today: not late yet.
    CHECK(p3.milestones[0].days_late == -5);
    CHECK_FALSE(p3.milestones[0].late);
    CHECK(p3.milestones[1].days_late == 0);
    CHECK_FALSE(p3.milestones[1].late);
    CHECK(p3.late_count == 0);

    // P004: no planned completion and no milestones, no actual dates: nothing to draw but the name.
    const GanttRow& p4 = chart.rows[3];
    CHECK_FALSE(p4.planned);
    CHECK_FALSE(p4.actual);
    CHECK(p4.milestones.empty());

    // Extent: 2015-01-01 (P001, P003 planned) to 2017-10-31 (P001 planned), whole months:
    // [2015-01-01, 2017-11-01) = [16436, 17471).
    CHECK(chart.first_day == 16436);
    CHECK(chart.end_day == 17471);
}

TEST_CASE("gantt: the rows follow the given order; bad indices are skipped; grace days")
{
    Ledger l = GanttLedger();
    const GanttChart chart = BuildGanttChart(l, {5, 2, -1, 0}, kToday);
    REQUIRE(chart.rows.size() == 2);
    CHECK(chart.rows[0].project_id == "P003");
    CHECK(chart.rows[1].project_id == "P001");

    // Only P003: 2015-01-01 .. 2016-06-30 and today → [16436, 2016-07-01 = 16801 + 182 = 16983).
    const GanttChart only_p3 = BuildGanttChart(l, {2}, kToday);
    CHECK(only_p3.first_day == 16436);
    CHECK(only_p3.end_day == 16983);

    // With 20 grace days, 施工许可 (19 days late) counts as on time; the days stay exact.
    l.settings.indicators.milestone_grace_days = 20;
    const GanttChart graced = BuildGanttChart(l, {0}, kToday);
    CHECK(graced.rows[0].milestones[0].days_late == 19);
    CHECK_FALSE(graced.rows[0].milestones[0].late);
    CHECK(graced.rows[0].late_count == 0);

    // A past day seen again: on 2016-03-10 the P001 permit (planned 03-01, reached 03-20) was not
    // reached yet, and 03-10 − 03-01 = 9 days overdue.
    const GanttChart early = BuildGanttChart(GanttLedger(), {0}, Date{2016, 3, 10});
    CHECK_FALSE(early.rows[0].milestones[0].actual);
    CHECK(early.rows[0].milestones[0].days_late == 9);
    CHECK(early.rows[0].milestones[0].late);
    // Its actual span runs to that day.
    CHECK(early.rows[0].actual->to == Date{2016, 3, 10});
}

TEST_CASE("gantt: the time window maps days to pixels")
{
    const GanttChart chart = AllRows();
    // The extent is 17471 − 16436 = 1035 days: across 1035 pixels, one day a pixel from 16436.
    const GanttViewport fit = FitViewport(chart, 1035);
    CHECK(fit.days_per_pixel == doctest::Approx(1));
    CHECK(fit.start_day == doctest::Approx(16436));
    CHECK(MaxDaysPerPixel(chart, 1035) == doctest::Approx(1));

    const GanttViewport year = Year2016(chart);
    CHECK(year.start_day == doctest::Approx(kJan1));
    CHECK(year.days_per_pixel == doctest::Approx(1));
    CHECK(year.FirstVisibleDate() == Date{2016, 1, 1});
    CHECK(year.LastVisibleDate() == Date{2016, 12, 31});

    // P001 in 2016's window: planned from 16436 − 16801 = −365 to 2017-11-01 = 17471 − 16801 = 670;
    // actual from 16679 − 16801 = −122 to the day after today, 16983 − 16801 = 182.
    const GanttRowPixels p1 = LayoutGanttRow(chart.rows[0], year);
    CHECK(*p1.planned_x0 == doctest::Approx(-365));
    CHECK(*p1.planned_x1 == doctest::Approx(670));
    CHECK(*p1.actual_x0 == doctest::Approx(-122));
    CHECK(*p1.actual_x1 == doctest::Approx(182));
    // Milestones in the middle of their day: 03-01 = +60 → 60.5; 03-20 = +79 → 79.5; 12-01 = +335 →
    // 335.5 with no actual.
    REQUIRE(p1.marks.size() == 2);
    CHECK(*p1.marks[0].planned_x == doctest::Approx(60.5));
    CHECK(*p1.marks[0].actual_x == doctest::Approx(79.5));
    CHECK(*p1.marks[1].planned_x == doctest::Approx(335.5));
    CHECK_FALSE(p1.marks[1].actual_x);
    // P004: nothing.
    const GanttRowPixels p4 = LayoutGanttRow(chart.rows[3], year);
    CHECK_FALSE(p4.planned_x0);
    CHECK_FALSE(p4.actual_x0);
    // The today line: 06-30 = +181 → 181.5.
    CHECK(DateX(year, kToday) == doctest::Approx(181.5));
}

TEST_CASE("gantt: zoom keeps the day under the anchor, within limits; scroll is clamped")
{
    const GanttChart chart = AllRows();
    const GanttViewport year = Year2016(chart);

    // Zoom in ×2 at x 60.5 (P001's permit, day 16861.5): 0.5 days a pixel, start 16861.5 − 60.5 ×
    // 0.5 = 16831.25; the permit stays at 60.5 and its actual (16880.5) moves to 49.25 / 0.5 = 98.5.
    const GanttViewport in = ZoomAt(chart, year, 2, 60.5);
    CHECK(in.days_per_pixel == doctest::Approx(0.5));
    CHECK(in.start_day == doctest::Approx(16831.25));
    const GanttRowPixels p1 = LayoutGanttRow(chart.rows[0], in);
    CHECK(*p1.marks[0].planned_x == doctest::Approx(60.5));
    CHECK(*p1.marks[0].actual_x == doctest::Approx(98.5));
    // 366 px × 0.5 = 183 days: 16831.25 .. 17014.25, i.e. 2016-01-31 (+30) to 2016-08-01 (+213).
    CHECK(in.FirstVisibleDate() == Date{2016, 1, 31});
    CHECK(in.LastVisibleDate() == Date{2016, 8, 1});

    // Zooming out past the whole extent stops there: 1035 days / 366 px, starting at 16436.
    const GanttViewport out = ZoomAt(chart, year, 0.1, 100);
    CHECK(out.days_per_pixel == doctest::Approx(1035.0 / 366));
    CHECK(out.start_day == doctest::Approx(16436));

    // Zooming in stops at 48 pixels a day; the anchor still holds: start = 16861.5 − 60.5 / 48.
    const GanttViewport deep = ZoomAt(chart, year, 1000, 60.5);
    CHECK(deep.days_per_pixel == doctest::Approx(1.0 / 48));
    CHECK(deep.start_day == doctest::Approx(16861.5 - 60.5 / 48));

    // Scrolling 100 px at one day a pixel: 100 days later. Far right stops with the extent's end
    // at the right edge (17471 − 366 = 17105), far left at its start.
    CHECK(ScrollPixels(chart, year, 100).start_day == doctest::Approx(16901));
    CHECK(ScrollPixels(chart, year, 10000).start_day == doctest::Approx(17105));
    CHECK(ScrollPixels(chart, year, -10000).start_day == doctest::Approx(16436));

    // Today (16982) in the middle: 16982.5 − 183 = 16799.5.
    CHECK(CenterOn(chart, year, kToday).start_day == doctest::Approx(16799.5));

    // Widened to 2000 px, one day a pixel would show more than the extent: the zoom becomes the
    // widest, 1035 / 2000, from 16436.
    const GanttViewport wide = ResizeViewport(chart, year, 2000);
    CHECK(wide.days_per_pixel == doctest::Approx(1035.0 / 2000));
    CHECK(wide.start_day == doctest::Approx(16436));
}

TEST_CASE("gantt: a short extent is centred when the closest zoom shows more")
{
    // No rows: the extent is today's month, June 2016: [16953, 16983), 30 days. At 48 px a day,
    // 2880 px show 60 days, so June sits in the middle: 16953 − (60 − 30) / 2 = 16938.
    const GanttChart empty = BuildGanttChart(GanttLedger(), {}, kToday);
    CHECK(empty.first_day == 16953);
    CHECK(empty.end_day == 16983);
    const GanttViewport v = FitViewport(empty, 2880);
    CHECK(v.days_per_pixel == doctest::Approx(1.0 / 48));
    CHECK(v.start_day == doctest::Approx(16938));
}

TEST_CASE("gantt: axis ticks for years, months and weeks by zoom")
{
    const GanttChart chart = AllRows();

    SUBCASE("a year across 366 px: quarters labelled, no weeks")
    {
        // One pixel a day, labels need 40 px: a month (28 px) is too narrow, a quarter (90) is not.
        const GanttAxis axis = BuildGanttAxis(Year2016(chart), {40, 40, 40});
        REQUIRE(axis.years.size() == 2);  // 2016-01-01 at 0, 2017-01-01 at 366 (the right edge)
        CHECK(axis.years[0].x == doctest::Approx(0));
        CHECK(axis.years[1].x == doctest::Approx(366));
        CHECK(axis.years[0].labelled);
        CHECK(axis.year_label_step == 1);
        CHECK(axis.month_label_step == 3);
        REQUIRE(axis.months.size() == 13);  // January 2016 .. January 2017
        CHECK(axis.months[1].date == Date{2016, 2, 1});
        CHECK(axis.months[1].x == doctest::Approx(31));
        CHECK_FALSE(axis.months[1].labelled);
        CHECK(axis.months[3].date == Date{2016, 4, 1});
        CHECK(axis.months[3].x == doctest::Approx(91));
        CHECK(axis.months[3].labelled);
        CHECK(axis.months[11].x == doctest::Approx(335));  // December
        CHECK(axis.weeks.empty());  // 7 px apart: under 8
    }

    SUBCASE("half a year across 366 px: every month labelled, week ticks")
    {
        GanttViewport v = Year2016(chart);
        v.days_per_pixel = 0.5;  // 2 px a day, 183 days: 16801 .. 16984
        const GanttAxis axis = BuildGanttAxis(v, {40, 40, 40});
        CHECK(axis.month_label_step == 1);  // 28 × 2 = 56 px ≥ 40
        // Jan 0, Feb 62, Mar 120, Apr 182, May 242, Jun 304, Jul 364, Aug 1 (+213) at 426 past the edge.
        REQUIRE(axis.months.size() == 8);
        CHECK(axis.months[2].x == doctest::Approx(120));
        CHECK(axis.months[7].date == Date{2016, 8, 1});
        CHECK(axis.months[7].x == doctest::Approx(426));
        // Weeks 14 px apart: ticks without labels. 2016-01-01 was a Friday: the first tick is
        // Monday 2015-12-28 (16797), at −4 days × 2 = −8; the next, 2016-01-04, at 6.
        CHECK_FALSE(axis.week_labels);
        REQUIRE(axis.weeks.size() >= 2);
        CHECK(axis.weeks[0].date == Date{2015, 12, 28});
        CHECK(axis.weeks[0].x == doctest::Approx(-8));
        CHECK(axis.weeks[1].x == doctest::Approx(6));
        // The last: the first Monday at or past 16984; 16797 + 27 × 7 = 16986 (2016-07-04).
        CHECK(axis.weeks.back().date == Date{2016, 7, 4});
        CHECK(axis.weeks.size() == 28);
    }

    SUBCASE("close: every week labelled")
    {
        GanttViewport v = Year2016(chart);
        v.days_per_pixel = 1.0 / 48;
        const GanttAxis axis = BuildGanttAxis(v, {40, 40, 40});
        CHECK(axis.week_labels);  // 7 × 48 = 336 px
        CHECK(axis.month_label_step == 1);
        // 366 / 48 ≈ 7.6 days from Friday 01-01: Mondays 12-28 (left of the edge) and 01-04, then
        // 01-11 past the right edge (day 16811 ≥ 16801 + 7.625).
        REQUIRE(axis.weeks.size() == 3);
        CHECK(axis.weeks[1].date == Date{2016, 1, 4});
        CHECK(axis.weeks[1].x == doctest::Approx(3 * 48));
    }

    SUBCASE("the whole extent across 207 px: years, unlabelled months")
    {
        // 1035 days / 207 px = 5 days a pixel (0.2 px a day). Years 73 px apart: labelled.
        const GanttViewport fit = FitViewport(chart, 207);
        CHECK(fit.days_per_pixel == doctest::Approx(5));
        const GanttAxis axis = BuildGanttAxis(fit, {40, 40, 40});
        // 2015 at 0, 2016 at (16801 − 16436) / 5 = 73, 2017 at 731 / 5 = 146.2, 2018 (17532) at
        // 1096 / 5 = 219.2, past the edge.
        REQUIRE(axis.years.size() == 4);
        CHECK(axis.years[1].x == doctest::Approx(73));
        CHECK(axis.years[3].x == doctest::Approx(219.2));
        CHECK(axis.year_label_step == 1);
        // Months 5.6 px apart: drawn; no label fits (a half year is 181 × 0.2 = 36.2 < 40).
        CHECK(axis.month_label_step == 0);
        // January 2015 .. November 2017 (the extent's end, at the right edge): 12 + 12 + 11.
        CHECK(axis.months.size() == 35);
        CHECK_FALSE(axis.months[0].labelled);
        CHECK(axis.weeks.empty());

        // Year labels needing 80 px: every second year (146 px), the even ones.
        const GanttAxis sparse = BuildGanttAxis(fit, {80, 40, 40});
        CHECK(sparse.year_label_step == 2);
        CHECK_FALSE(sparse.years[0].labelled);  // 2015
        CHECK(sparse.years[1].labelled);        // 2016
        CHECK_FALSE(sparse.years[2].labelled);  // 2017
        CHECK(sparse.years[3].labelled);        // 2018
    }
}

TEST_CASE("gantt: hit testing finds the milestone, bar or row under the mouse")
{
    const GanttChart chart = AllRows();
    const GanttViewport year = Year2016(chart);
    // Rows 50 px high: planned band 8..22 (0.16, 0.44), actual band 28..42 (0.56, 0.84); diamonds on
    // y 15 and 35, 9 px half size; with 3 px slack a diamond reaches 12 px from its centre.
    const double h = 50;
    const GanttRowBands b = RowBands(h);
    CHECK(b.planned_top == doctest::Approx(8));
    CHECK(b.actual_bottom == doctest::Approx(42));
    CHECK(b.planned_mark_y == doctest::Approx(15));
    CHECK(b.mark_half == doctest::Approx(9));

    // P001's permit, planned at 60.5: its name, dates and days late for the tooltip.
    GanttHit hit = HitTestGantt(chart, year, h, 60.5, 15);
    CHECK(hit.kind == GanttHitKind::PlannedMilestone);
    CHECK(hit.row == 0);
    CHECK(hit.milestone == 0);
    REQUIRE(hit.milestone_data);
    CHECK(hit.milestone_data->name == "施工许可");
    CHECK(*hit.milestone_data->planned == Date{2016, 3, 1});
    CHECK(*hit.milestone_data->actual == Date{2016, 3, 20});
    CHECK(hit.milestone_data->days_late == 19);
    REQUIRE(hit.row_data);
    CHECK(hit.row_data->project_id == "P001");

    // Its actual diamond at 79.5 on the lower line.
    hit = HitTestGantt(chart, year, h, 79.5, 35);
    CHECK(hit.kind == GanttHitKind::ActualMilestone);
    CHECK(hit.milestone == 0);

    // 9.5 px beside the planned diamond: within 12; 12.5 px: the planned bar (−365..670) instead.
    CHECK(HitTestGantt(chart, year, h, 70, 15).kind == GanttHitKind::PlannedMilestone);
    hit = HitTestGantt(chart, year, h, 73, 15);
    CHECK(hit.kind == GanttHitKind::PlannedSpan);
    CHECK(hit.milestone_data == nullptr);

    // The actual bar runs to 182: 150 is on it, 200 is not; between the bands is nothing.
    CHECK(HitTestGantt(chart, year, h, 150, 35).kind == GanttHitKind::ActualSpan);
    hit = HitTestGantt(chart, year, h, 200, 35);
    CHECK(hit.kind == GanttHitKind::None);
    CHECK(hit.row == 0);
    CHECK(HitTestGantt(chart, year, h, 150, 25).kind == GanttHitKind::None);

    // Row 1 (y 50..100): P002's 开工, planned 05-01 = +121 → 121.5, 60 days overdue.
    hit = HitTestGantt(chart, year, h, 121.5, 65);
    CHECK(hit.kind == GanttHitKind::PlannedMilestone);
    CHECK(hit.row == 1);
    CHECK(hit.milestone_data->days_late == 60);
    CHECK(hit.milestone_data->late);

    // Row 2 (y 100..150): P003's 竣工验收 reached 06-25 = +176 → 176.5 on the lower line; 178 is
    // 1.5 px from it.
    hit = HitTestGantt(chart, year, h, 178, 135);
    CHECK(hit.kind == GanttHitKind::ActualMilestone);
    CHECK(hit.row == 2);
    CHECK(hit.milestone_data->name == "竣工验收");
    // On the upper line both P003 milestones sit at 181.5 (06-30); 175 is 6.5 px from both: the
    // first in plan order wins the tie.
    hit = HitTestGantt(chart, year, h, 175, 115);
    CHECK(hit.kind == GanttHitKind::PlannedMilestone);
    CHECK(hit.milestone == 0);

    // Below the last row, left of the timeline, or past its right edge: nothing.
    hit = HitTestGantt(chart, year, h, 100, 200);
    CHECK(hit.kind == GanttHitKind::None);
    CHECK(hit.row == -1);
    CHECK(HitTestGantt(chart, year, h, -1, 15).row == -1);
    CHECK(HitTestGantt(chart, year, h, 366, 15).row == -1);
}
