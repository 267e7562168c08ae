// The Gantt timeline's rows, time window, axis, row layout and hit testing (gantt.h).
#include "gantt.h"

#include <algorithm>
#include <cmath>

#include "indicators.h"

namespace kpl {

namespace {

// floor(a / b) for b > 0, also for negative a (days before 1970).
long FloorDiv(long a, long b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

long FloorDay(double day)
{
    return static_cast<long>(std::floor(day));
}

YearMonth MonthOf(Date d)
{
    return YearMonth{d.year, d.month};
}

std::optional<GanttSpan> PlannedSpan(const Project& project)
{
    const std::optional<Date> start = PlannedStart(project);
    std::optional<Date> end = project.planned_completion;
    if (!end)
        for (const Milestone& m : project.milestones)
            if (m.planned && (!end || *end < *m.planned))
                end = m.planned;
    if (!start || !end)
        return std::nullopt;
    // A completion planned before the start is a data slip; the bar still covers both dates.
    return GanttSpan{std::min(*start, *end), std::max(*start, *end), false};
}

std::optional<GanttSpan> ActualSpan(const Project& project, Date today)
{
    if (!project.actual_start || today < *project.actual_start)
        return std::nullopt;
    if (project.actual_completion && *project.actual_completion <= today)
        return GanttSpan{*project.actual_start, std::max(*project.actual_start, *project.actual_completion), false};
    return GanttSpan{*project.actual_start, today, true};
}

GanttMilestone MakeMilestone(const Milestone& m, int index, Date today, int grace_days)
{
    GanttMilestone g;
    g.index = index;
    g.id = m.id;
    g.name = m.name;
    g.planned = m.planned;
    // As of today: a date after it had not happened yet (a past month seen again).
    if (m.actual && *m.actual <= today)
        g.actual = m.actual;
    if (!m.planned)
        return g;
    const long planned = m.planned->DayNumber();
    if (g.actual) {
        g.days_late = m.actual->DayNumber() - planned;
        g.late = g.days_late > grace_days;
    } else if (*m.planned < today) {
        g.days_late = today.DayNumber() - planned;
        g.late = g.days_late > grace_days;
    }
    return g;
}

std::optional<double> PercentThrough(const Project& project, YearMonth month)
{
    std::optional<double> percent;
    for (const MonthlyReport& r : project.reports)
        if (r.month <= month)
            percent = r.percent_complete;
    return percent;
}

double Clamp(double v, double lo, double hi)
{
    return std::max(lo, std::min(v, hi));
}

} // namespace

GanttChart BuildGanttChart(const Ledger& ledger, const std::vector<int>& rows, Date today)
{
    GanttChart chart;
    chart.today = today;
    const int grace = ledger.settings.indicators.milestone_grace_days;
    Date earliest = today, latest = today;
    auto widen = [&](Date d) {
        earliest = std::min(earliest, d);
        latest = std::max(latest, d);
    };
    chart.rows.reserve(rows.size());
    for (int index : rows) {
        if (index < 0 || static_cast<std::size_t>(index) >= ledger.projects.size())
            continue;
        const Project& p = ledger.projects[static_cast<std::size_t>(index)];
        GanttRow row;
        row.project = index;
        row.project_id = p.id;
        row.name = p.name;
        row.planned = PlannedSpan(p);
        row.actual = ActualSpan(p, today);
        for (const std::optional<GanttSpan>* span : {&row.planned, &row.actual})
            if (*span) {
                widen((*span)->from);
                widen((*span)->to);
            }
        for (std::size_t i = 0; i < p.milestones.size(); ++i) {
            const Milestone& m = p.milestones[i];
            if (!m.planned && !m.actual)
                continue;
            row.milestones.push_back(MakeMilestone(m, static_cast<int>(i), today, grace));
            if (m.planned)
                widen(*m.planned);
            if (row.milestones.back().actual)
                widen(*row.milestones.back().actual);
            row.late_count += row.milestones.back().late ? 1 : 0;
        }
        row.percent_complete = PercentThrough(p, MonthOf(today));
        chart.rows.push_back(std::move(row));
    }
    chart.first_day = MonthOf(earliest).FirstDay().DayNumber();
    chart.end_day = MonthOf(latest).Next().FirstDay().DayNumber();
    return chart;
}

//-----------------------------------------------------------------------------
// The time window
//-----------------------------------------------------------------------------

Date GanttViewport::FirstVisibleDate() const
{
    return Date::FromDayNumber(FloorDay(start_day));
}

Date GanttViewport::LastVisibleDate() const
{
    // The right edge itself belongs to the next day only when a day starts exactly there.
    const double end = EndDay();
    const long last = FloorDay(end) == end ? static_cast<long>(end) - 1 : FloorDay(end);
    return Date::FromDayNumber(std::max(last, FloorDay(start_day)));
}

double MaxDaysPerPixel(const GanttChart& chart, double width)
{
    const double extent = static_cast<double>(chart.end_day - chart.first_day);
    return std::max(kGanttMinDaysPerPixel, extent / std::max(width, 1.0));
}

GanttViewport ClampViewport(const GanttChart& chart, GanttViewport viewport)
{
    viewport.width = std::max(viewport.width, 1.0);
    viewport.days_per_pixel = Clamp(viewport.days_per_pixel, kGanttMinDaysPerPixel,
                                    MaxDaysPerPixel(chart, viewport.width));
    const double visible = viewport.width * viewport.days_per_pixel;
    const double extent = static_cast<double>(chart.end_day - chart.first_day);
    if (visible >= extent)
        viewport.start_day = chart.first_day - (visible - extent) / 2;
    else
        viewport.start_day = Clamp(viewport.start_day, static_cast<double>(chart.first_day), chart.end_day - visible);
    return viewport;
}

GanttViewport FitViewport(const GanttChart& chart, double width)
{
    GanttViewport v;
    v.width = std::max(width, 1.0);
    v.days_per_pixel = MaxDaysPerPixel(chart, v.width);
    v.start_day = static_cast<double>(chart.first_day);
    return ClampViewport(chart, v);
}

GanttViewport ShowDays(const GanttChart& chart, Date first, Date last, double width)
{
    GanttViewport v;
    v.width = std::max(width, 1.0);
    const long a = std::min(first, last).DayNumber();
    const long b = std::max(first, last).DayNumber() + 1;
    v.days_per_pixel = static_cast<double>(b - a) / v.width;
    v.start_day = static_cast<double>(a);
    return ClampViewport(chart, v);
}

GanttViewport ZoomAt(const GanttChart& chart, const GanttViewport& viewport, double factor, double anchor_x)
{
    if (!(factor > 0))
        return ClampViewport(chart, viewport);
    GanttViewport v = viewport;
    const double anchor_day = viewport.DayAtX(anchor_x);
    v.days_per_pixel = Clamp(viewport.days_per_pixel / factor, kGanttMinDaysPerPixel,
                             MaxDaysPerPixel(chart, viewport.width));
    v.start_day = anchor_day - anchor_x * v.days_per_pixel;
    return ClampViewport(chart, v);
}

GanttViewport ScrollPixels(const GanttChart& chart, const GanttViewport& viewport, double dx)
{
    GanttViewport v = viewport;
    v.start_day += dx * viewport.days_per_pixel;
    return ClampViewport(chart, v);
}

GanttViewport CenterOn(const GanttChart& chart, const GanttViewport& viewport, Date day)
{
    GanttViewport v = viewport;
    v.start_day = day.DayNumber() + 0.5 - viewport.width * viewport.days_per_pixel / 2;
    return ClampViewport(chart, v);
}

GanttViewport ResizeViewport(const GanttChart& chart, const GanttViewport& viewport, double width)
{
    GanttViewport v = viewport;
    v.width = width;
    return ClampViewport(chart, v);
}

//-----------------------------------------------------------------------------
// The time axis
//-----------------------------------------------------------------------------

GanttAxis BuildGanttAxis(const GanttViewport& viewport, const GanttLabelRoom& room)
{
    GanttAxis axis;
    const double pixels_per_day = 1.0 / viewport.days_per_pixel;
    const Date left = viewport.FirstVisibleDate();
    const double end = viewport.EndDay();
    auto tick = [&](Date d, bool labelled) {
        return GanttTick{viewport.XOfDay(static_cast<double>(d.DayNumber())), d, labelled};
    };

    // Years: the smallest step of 1, 2, 5, 10, 20, 50... whose labels have room.
    axis.year_label_step = 1;
    for (int step = 1; step <= 1000000; step *= 10) {
        int found = 0;
        for (int s : {step, step * 2, step * 5})
            if (s * 365 * pixels_per_day >= room.year) {
                found = s;
                break;
            }
        if (found) {
            axis.year_label_step = found;
            break;
        }
    }
    for (int y = left.year;; ++y) {
        const Date d{y, 1, 1};
        axis.years.push_back(tick(d, FloorDiv(y, axis.year_label_step) * axis.year_label_step == y));
        if (d.DayNumber() >= end)
            break;
    }

    if (28 * pixels_per_day >= 4) {
        axis.month_label_step = 28 * pixels_per_day >= room.month    ? 1
                                : 90 * pixels_per_day >= room.month  ? 3
                                : 181 * pixels_per_day >= room.month ? 6
                                                                     : 0;
        for (YearMonth m = MonthOf(left);; m = m.Next()) {
            const Date d = m.FirstDay();
            const bool labelled = axis.month_label_step > 0 && (m.month - 1) % axis.month_label_step == 0;
            axis.months.push_back(tick(d, labelled));
            if (d.DayNumber() >= end)
                break;
        }
    }

    if (7 * pixels_per_day >= 8) {
        axis.week_labels = 7 * pixels_per_day >= room.week;
        // 1970-01-01 (day 0) was a Thursday: day d is a Monday when (d + 3) mod 7 is 0.
        const long first = left.DayNumber();
        long monday = first - (first + 3 - FloorDiv(first + 3, 7) * 7);
        for (;; monday += 7) {
            axis.weeks.push_back(tick(Date::FromDayNumber(monday), axis.week_labels));
            if (monday >= end)
                break;
        }
    }
    return axis;
}

//-----------------------------------------------------------------------------
// One row in pixels, and hit testing
//-----------------------------------------------------------------------------

GanttRowBands RowBands(double row_height)
{
    GanttRowBands b;
    b.planned_top = 0.16 * row_height;
    b.planned_bottom = 0.44 * row_height;
    b.actual_top = 0.56 * row_height;
    b.actual_bottom = 0.84 * row_height;
    b.planned_mark_y = 0.30 * row_height;
    b.actual_mark_y = 0.70 * row_height;
    b.mark_half = 0.18 * row_height;
    return b;
}

double DateX(const GanttViewport& viewport, Date day)
{
    return viewport.XOfDay(day.DayNumber() + 0.5);
}

GanttRowPixels LayoutGanttRow(const GanttRow& row, const GanttViewport& viewport)
{
    GanttRowPixels px;
    if (row.planned) {
        px.planned_x0 = viewport.XOfDay(static_cast<double>(row.planned->from.DayNumber()));
        px.planned_x1 = viewport.XOfDay(static_cast<double>(row.planned->to.DayNumber() + 1));
    }
    if (row.actual) {
        px.actual_x0 = viewport.XOfDay(static_cast<double>(row.actual->from.DayNumber()));
        px.actual_x1 = viewport.XOfDay(static_cast<double>(row.actual->to.DayNumber() + 1));
    }
    px.marks.reserve(row.milestones.size());
    for (const GanttMilestone& m : row.milestones) {
        GanttMarkPixels mark;
        if (m.planned)
            mark.planned_x = DateX(viewport, *m.planned);
        if (m.actual)
            mark.actual_x = DateX(viewport, *m.actual);
        px.marks.push_back(mark);
    }
    return px;
}

GanttHit HitTestGantt(const GanttChart& chart, const GanttViewport& viewport, double row_height, double x,
                      double y, double slack)
{
    GanttHit hit;
    if (row_height <= 0 || y < 0 || x < 0 || x >= viewport.width)
        return hit;
    const long row_index = static_cast<long>(std::floor(y / row_height));
    if (row_index >= static_cast<long>(chart.rows.size()))
        return hit;
    hit.row = static_cast<int>(row_index);
    const GanttRow& row = chart.rows[static_cast<std::size_t>(row_index)];
    hit.row_data = &row;
    const double local_y = y - row_index * row_height;
    const GanttRowBands bands = RowBands(row_height);
    const GanttRowPixels px = LayoutGanttRow(row, viewport);

    const double reach = bands.mark_half + slack;
    double best = reach + 1;
    for (std::size_t i = 0; i < px.marks.size(); ++i) {
        auto consider = [&](const std::optional<double>& mark_x, double mark_y, GanttHitKind kind) {
            if (!mark_x || std::fabs(local_y - mark_y) > reach)
                return;
            const double dx = std::fabs(x - *mark_x);
            if (dx <= reach && dx < best) {
                best = dx;
                hit.kind = kind;
                hit.milestone = static_cast<int>(i);
            }
        };
        consider(px.marks[i].planned_x, bands.planned_mark_y, GanttHitKind::PlannedMilestone);
        consider(px.marks[i].actual_x, bands.actual_mark_y, GanttHitKind::ActualMilestone);
    }
    if (hit.milestone >= 0) {
        hit.milestone_data = &row.milestones[static_cast<std::size_t>(hit.milestone)];
        return hit;
    }
    if (px.actual_x0 && x >= *px.actual_x0 && x < *px.actual_x1 && local_y >= bands.actual_top &&
        local_y <= bands.actual_bottom)
        hit.kind = GanttHitKind::ActualSpan;
    else if (px.planned_x0 && x >= *px.planned_x0 && x < *px.planned_x1 && local_y >= bands.planned_top &&
             local_y <= bands.planned_bottom)
        hit.kind = GanttHitKind::PlannedSpan;
    return hit;
}

} // namespace kpl
