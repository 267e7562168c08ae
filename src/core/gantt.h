// The Gantt timeline (进度图) computed without ImGui: per project row the planned span, the actual
// span and each milestone's planned and actual dates with lateness; the time window mapped onto
// pixels (zoom around an anchor, scroll, clamped to the data); the time axis with year, month and
// week ticks; the pixel layout of one row; and hit testing for the hover tooltip.
// Core module: standard library only (plus model.h, indicators.h for PlannedStart).
//
// Days and pixels: day d (Date::DayNumber) covers [d, d + 1) on the time line. A span from day a
// to day b inclusive runs from x(a) to x(b + 1); a milestone, and the today line, sit at the middle
// of their day, x(d + 0.5). x is in pixels from the timeline's left edge; y from row 0's top.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace kpl {

// An inclusive run of days.
struct GanttSpan {
    Date from;
    Date to;
    bool ongoing = false;   // actual span of a project not yet completed: `to` is today
};

struct GanttMilestone {
    int index = 0;                   // in project.milestones
    std::string id;
    std::string name;
    std::optional<Date> planned;
    std::optional<Date> actual;      // absent when not reached by today
    // Late: reached after planned + grace days (settings.indicators.milestone_grace_days, as for
    // 履约率), or not reached and planned + grace is before today.
    bool late = false;
    // actual − planned in days (negative: early); when not reached, today − planned once the
    // planned day has passed; else 0.
    long days_late = 0;
};

struct GanttRow {
    int project = 0;                 // index into ledger.projects
    std::string project_id;
    std::string name;
    // Planned: PlannedStart() to planned_completion (else the latest planned milestone); absent
    // when either end is unknown.
    std::optional<GanttSpan> planned;
    // Actual: actual_start to actual_completion, or to today while not completed; absent without
    // an actual_start on or before today.
    std::optional<GanttSpan> actual;
    std::vector<GanttMilestone> milestones;  // those with a planned or an actual date, in plan order
    std::optional<double> percent_complete;  // the latest report's, through today's month
    int late_count = 0;                      // milestones late
};

// The rows of a chart and the days they cover.
struct GanttChart {
    std::vector<GanttRow> rows;
    Date today;
    // Every date of the rows and today, widened to whole months: [first_day, end_day) in day
    // numbers (first_day is the 1st of the earliest month, end_day the 1st after the latest).
    long first_day = 0;
    long end_day = 0;
};

// `rows`: indices into ledger.projects, in display order (the projects table's under its filter).
// Out-of-range indices are skipped.
GanttChart BuildGanttChart(const Ledger& ledger, const std::vector<int>& rows, Date today);

//-----------------------------------------------------------------------------
// The time window
//-----------------------------------------------------------------------------

// Zoomed in at most this far: 48 pixels a day.
constexpr double kGanttMinDaysPerPixel = 1.0 / 48;

struct GanttViewport {
    double start_day = 0;        // day number at the left edge (fractional)
    double days_per_pixel = 1;
    double width = 0;            // pixels of the timeline

    double XOfDay(double day) const { return (day - start_day) / days_per_pixel; }
    double DayAtX(double x) const { return start_day + x * days_per_pixel; }
    double EndDay() const { return start_day + width * days_per_pixel; }
    // The first and last day wholly or partly visible.
    Date FirstVisibleDate() const;
    Date LastVisibleDate() const;
};

// The widest zoom: the chart's whole extent fills the width (but never past kGanttMinDaysPerPixel).
double MaxDaysPerPixel(const GanttChart& chart, double width);
// Zoom within [kGanttMinDaysPerPixel, MaxDaysPerPixel]; then the window within the extent (when
// the window is wider than the extent, the extent is centred in it).
GanttViewport ClampViewport(const GanttChart& chart, GanttViewport viewport);
// The whole extent.
GanttViewport FitViewport(const GanttChart& chart, double width);
// Days [first, last] inclusive across the width, clamped.
GanttViewport ShowDays(const GanttChart& chart, Date first, Date last, double width);
// Zoom by `factor` (> 1 zooms in: fewer days per pixel) keeping the day under `anchor_x` there.
GanttViewport ZoomAt(const GanttChart& chart, const GanttViewport& viewport, double factor, double anchor_x);
// Moves the window by `dx` pixels (positive: later dates come into view).
GanttViewport ScrollPixels(const GanttChart& chart, const GanttViewport& viewport, double dx);
// Centres `day` at the current zoom.
GanttViewport CenterOn(const GanttChart& chart, const GanttViewport& viewport, Date day);
// The same start and zoom for a new width (the window was resized), clamped.
GanttViewport ResizeViewport(const GanttChart& chart, const GanttViewport& viewport, double width);

//-----------------------------------------------------------------------------
// The time axis
//-----------------------------------------------------------------------------

struct GanttTick {
    double x = 0;
    Date date;                   // the first day of the year / month / week (a Monday)
    bool labelled = false;       // room for its label (every Nth tick when crowded)
};

// Ticks across the viewport. Each list starts with the last tick at or before the left edge (x <= 0,
// so a view can pin the current period's label there) and ends with the first past the right edge.
struct GanttAxis {
    std::vector<GanttTick> years;    // 1 January; always present
    std::vector<GanttTick> months;   // the 1st; empty when months would be under 4 px apart
    std::vector<GanttTick> weeks;    // Mondays; empty unless weeks are at least 8 px apart
    int month_label_step = 0;        // 1, 3 or 6: which months carry labels; 0: none
    int year_label_step = 1;         // 1, 2, 5, 10...
    bool week_labels = false;        // every week has room for a label
};

// Pixels a label needs (the widest label of its kind plus a gap).
struct GanttLabelRoom {
    double year = 40;
    double month = 40;
    double week = 40;
};

// A period is labelled when its shortest length (365 days a year, 28 a month, 90 a quarter, 181 a
// half year, 7 a week) times the pixels per day is at least its label's room.
GanttAxis BuildGanttAxis(const GanttViewport& viewport, const GanttLabelRoom& room);

//-----------------------------------------------------------------------------
// One row in pixels, and hit testing
//-----------------------------------------------------------------------------

// Where the bands of a row lie, from the row's top: the planned bar above the actual bar; planned
// milestones on the planned band's centre line, actual ones on the actual band's.
struct GanttRowBands {
    double planned_top = 0, planned_bottom = 0;
    double actual_top = 0, actual_bottom = 0;
    double planned_mark_y = 0, actual_mark_y = 0;
    double mark_half = 0;        // half the diamond's height and width
};
GanttRowBands RowBands(double row_height);

struct GanttMarkPixels {
    std::optional<double> planned_x;
    std::optional<double> actual_x;
};

struct GanttRowPixels {
    std::optional<double> planned_x0, planned_x1;
    std::optional<double> actual_x0, actual_x1;
    std::vector<GanttMarkPixels> marks;  // parallel to GanttRow::milestones
};

// x of a date's marker (the middle of its day).
double DateX(const GanttViewport& viewport, Date day);
GanttRowPixels LayoutGanttRow(const GanttRow& row, const GanttViewport& viewport);

enum class GanttHitKind { None, PlannedMilestone, ActualMilestone, ActualSpan, PlannedSpan };

// What is under the mouse, with what the tooltip shows.
struct GanttHit {
    GanttHitKind kind = GanttHitKind::None;
    int row = -1;                          // index into chart.rows
    int milestone = -1;                    // index into that row's milestones, for a milestone
    const GanttRow* row_data = nullptr;    // the row (project name, spans, percent complete)
    const GanttMilestone* milestone_data = nullptr;  // the milestone (name, dates, days late)
};

// `x`: pixels from the timeline's left edge; `y`: pixels from row 0's top (scrolling included).
// Milestones are hit within their diamond's square plus `slack` pixels, the nearest first; then
// the actual bar, then the planned bar. Within a row but on nothing: kind None with `row` set.
GanttHit HitTestGantt(const GanttChart& chart, const GanttViewport& viewport, double row_height, double x,
                      double y, double slack = 3);

} // namespace kpl
