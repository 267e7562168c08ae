// The dashboard's chart data, axis ticks and pixel layouts (charts.h).
#include "charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace kpl {

namespace {

bool InScope(const Project& project, const ChartScope& scope)
{
    switch (scope.kind) {
    case ChartScopeKind::Total: return true;
    case ChartScopeKind::District: return project.district_id == scope.id;
    case ChartScopeKind::Department: return project.department_id == scope.id;
    case ChartScopeKind::Project: return project.id == scope.id;
    }
    return false;
}

int64_t RoundCents(double cents) { return static_cast<int64_t>(std::llround(cents)); }

// y of a money value on a 0..top axis drawn in `plot` (0 at the bottom).
float MoneyY(const ChartRect& plot, double top, double wan)
{
    const double fraction = top > 0 ? wan / top : 0;
    return plot.y1 - static_cast<float>(fraction) * plot.Height();
}

// Thousands separators for the integer part of a decimal text ("12345.5" -> "12,345.5").
std::string GroupThousands(const std::string& text)
{
    std::size_t start = text[0] == '-' ? 1 : 0;
    std::size_t end = text.find('.');
    if (end == std::string::npos)
        end = text.size();
    std::string out = text.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        out += text[i];
        const std::size_t left = end - i - 1;
        if (left > 0 && left % 3 == 0)
            out += ',';
    }
    out += text.substr(end);
    return out;
}

// The fewest decimals (up to 4) with which every value prints exactly.
int DecimalsFor(const std::vector<double>& values)
{
    for (int d = 0; d < 4; ++d) {
        const double scale = std::pow(10.0, d);
        bool exact = true;
        for (double v : values)
            exact = exact && std::fabs(v * scale - std::round(v * scale)) < 1e-6 * std::max(1.0, std::fabs(v * scale));
        if (exact)
            return d;
    }
    return 4;
}

} // namespace

// --- data

std::vector<int> ScopeProjects(const Ledger& ledger, const ChartScope& scope)
{
    std::vector<int> indices;
    for (std::size_t i = 0; i < ledger.projects.size(); ++i)
        if (InScope(ledger.projects[i], scope))
            indices.push_back(static_cast<int>(i));
    return indices;
}

SCurveSeries BuildSCurve(const Ledger& ledger, const LedgerTimelines& timelines, const ChartScope& scope,
                         YearMonth through)
{
    SCurveSeries s;
    s.scope = scope;
    s.through = through;
    s.year = ledger.meta.year;
    s.projects = ScopeProjects(ledger, scope);
    for (int i : s.projects)
        s.annual_plan += ledger.projects[static_cast<std::size_t>(i)].plan;
    // Months of the ledger's year with an actual figure: none before its year, all after it.
    const int last_actual = through.year < s.year ? 0 : through.year > s.year ? 12 : through.month;
    for (int m = 1; m <= 12; ++m) {
        SCurveMonth& point = s.months[static_cast<std::size_t>(m - 1)];
        point.month = m;
        point.schedule_percent = SchedulePercent(ledger.settings.indicators, s.year, YearMonth{s.year, m});
        point.planned = Money::FromCents(RoundCents(static_cast<double>(s.annual_plan.Cents()) *
                                                    point.schedule_percent / 100.0));
        point.has_actual = m <= last_actual;
        if (!point.has_actual)
            continue;
        int64_t cents = 0;
        for (int i : s.projects)
            cents += timelines.Invested(static_cast<std::size_t>(i), YearMonth{s.year, m});
        point.actual = Money::FromCents(cents);
        if (s.annual_plan.Cents() > 0)
            point.actual_percent = 100.0 * static_cast<double>(cents) / static_cast<double>(s.annual_plan.Cents());
    }
    return s;
}

std::vector<PlanBar> PlanBars(const std::vector<UnitIndicators>& units)
{
    std::vector<PlanBar> bars;
    for (const UnitIndicators& unit : units) {
        const Figure& f = unit.set.Get(Indicator::Investment);
        if (f.denominator_projects.empty())
            continue;
        PlanBar bar;
        bar.id = unit.id;
        bar.name = unit.name;
        bar.plan = Money::FromCents(f.denominator);
        bar.completed = Money::FromCents(f.numerator);
        bar.percent = f.percent;
        bar.projects = f.denominator_projects;
        bars.push_back(std::move(bar));
    }
    return bars;
}

std::vector<BreakdownGroup> StatusBreakdown(const Ledger& ledger, YearMonth month)
{
    std::vector<BreakdownGroup> groups(4);
    for (int k = 0; k < 4; ++k)
        groups[static_cast<std::size_t>(k)].key = k;
    const Date day = month.LastDay();
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        const Project& p = ledger.projects[i];
        ProjectStatus status = ProjectStatus::NotStarted;
        if (CompletedBy(p, day))
            status = p.status == ProjectStatus::Commissioned ? ProjectStatus::Commissioned : ProjectStatus::Completed;
        else if (StartedBy(p, day))
            status = ProjectStatus::UnderConstruction;
        groups[static_cast<std::size_t>(status)].projects.push_back(static_cast<int>(i));
    }
    return groups;
}

std::vector<BreakdownGroup> WarningBreakdown(const Ledger& ledger, const WarningHistory& history, YearMonth month)
{
    std::vector<BreakdownGroup> groups(3);
    for (int k = 0; k < 3; ++k)
        groups[static_cast<std::size_t>(k)].key = k;
    const MonthWarnings* warnings = history.For(month);
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        WarningColour colour = WarningColour::Green;
        if (warnings && i < warnings->projects.size())
            colour = warnings->projects[i].colour;
        groups[static_cast<std::size_t>(colour)].projects.push_back(static_cast<int>(i));
    }
    return groups;
}

DashboardData BuildDashboardData(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month)
{
    DashboardData d;
    d.month = month;
    const IndicatorReport report = ComputeIndicators(ledger, timelines, month, false);
    d.figures.month = month;
    d.figures.total = report.total.set;
    d.district_bars = PlanBars(report.districts);
    d.department_bars = PlanBars(report.departments);
    d.statuses = StatusBreakdown(ledger, month);
    // The history only reaches months of the ledger's year; another month shows no warnings.
    if (month.year == ledger.meta.year) {
        const WarningHistory history = ComputeWarningHistory(ledger, timelines, month);
        d.warnings = WarningBreakdown(ledger, history, month);
    } else {
        d.warnings = WarningBreakdown(ledger, WarningHistory{}, month);
    }
    d.figures.red_projects = d.warnings[static_cast<std::size_t>(WarningColour::Red)].projects;
    d.figures.yellow_projects = d.warnings[static_cast<std::size_t>(WarningColour::Yellow)].projects;

    std::vector<char> open(ledger.projects.size(), 0), overdue(ledger.projects.size(), 0);
    std::unordered_map<std::string, std::size_t> project_index;
    for (std::size_t i = 0; i < ledger.projects.size(); ++i)
        project_index.emplace(ledger.projects[i].id, i);
    const Date day = month.LastDay();
    for (const Problem& problem : ledger.problems) {
        const ProblemStanding standing = ProblemStandingAt(problem, day);
        if (!standing.assigned || standing.closed)
            continue;
        ++d.figures.open_problems;
        d.figures.overdue_problems += standing.overdue ? 1 : 0;
        const auto found = project_index.find(problem.project_id);
        if (found == project_index.end())
            continue;
        open[found->second] = 1;
        if (standing.overdue)
            overdue[found->second] = 1;
    }
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        if (open[i])
            d.figures.open_problem_projects.push_back(static_cast<int>(i));
        if (overdue[i])
            d.figures.overdue_problem_projects.push_back(static_cast<int>(i));
    }
    return d;
}

std::vector<YearMonth> LedgerMonths(const Ledger& ledger)
{
    std::vector<YearMonth> months;
    for (int m = 1; m <= 12; ++m)
        months.push_back(YearMonth{ledger.meta.year, m});
    return months;
}

YearMonth DefaultChartMonth(const Ledger& ledger)
{
    return ledger.meta.as_of ? *ledger.meta.as_of : YearMonth{ledger.meta.year, 12};
}

// --- axes

AxisTicks NiceMoneyTicks(double max_wan, int target_count)
{
    AxisTicks t;
    target_count = std::max(1, target_count);
    // Nothing to show still gets an axis (0..5 万元) rather than a degenerate one.
    const double max = max_wan > 0 ? max_wan : 5;
    const double raw = max / target_count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normal = raw / magnitude;
    double nice = 10;
    for (double candidate : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (normal <= candidate + 1e-9) {
            nice = candidate;
            break;
        }
    t.step = nice * magnitude;
    const int steps = static_cast<int>(std::ceil(max / t.step - 1e-9));
    for (int i = 0; i <= steps; ++i)
        t.values.push_back(t.step * i);
    t.yi = t.Top() >= 10000;
    std::vector<double> shown;
    for (double v : t.values)
        shown.push_back(t.yi ? v / 10000 : v);
    const int decimals = DecimalsFor(shown);
    for (double v : t.values)
        t.labels.push_back(AxisValueText(v, t.yi, decimals));
    return t;
}

std::string AxisValueText(double wan, bool yi, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, yi ? wan / 10000 : wan);
    std::string text = buffer;
    // "-0.00" from rounding a tiny negative reads as zero.
    if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1);
    return GroupThousands(text);
}

std::string MonthAxisLabel(int month, Language language)
{
    static const char* const kEnglish[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month < 1 || month > 12)
        return {};
    if (language == Language::English)
        return kEnglish[month - 1];
    return std::to_string(month) + "月";
}

// --- layouts

SCurveLayout LayoutSCurve(const SCurveSeries& series, ChartRect plot)
{
    SCurveLayout l;
    l.plot = plot;
    double max = series.annual_plan.ToWanDouble();
    for (const SCurveMonth& m : series.months)
        if (m.has_actual)
            max = std::max(max, m.actual.ToWanDouble());
    l.ticks = NiceMoneyTicks(max);
    const double top = l.ticks.Top();
    for (double v : l.ticks.values)
        l.tick_y.push_back(MoneyY(plot, top, v));
    l.column_width = plot.Width() / 12;
    for (int i = 0; i < 12; ++i) {
        const float x = plot.x0 + l.column_width * (static_cast<float>(i) + 0.5f);
        l.month_x[static_cast<std::size_t>(i)] = x;
        const SCurveMonth& m = series.months[static_cast<std::size_t>(i)];
        l.planned[static_cast<std::size_t>(i)] = {x, MoneyY(plot, top, m.planned.ToWanDouble())};
        if (m.has_actual)
            l.actual.push_back({x, MoneyY(plot, top, m.actual.ToWanDouble())});
    }
    // The right axis only means something with a plan: 100 % sits at the plan's height.
    if (series.annual_plan.Cents() > 0) {
        const double plan = series.annual_plan.ToWanDouble();
        for (double p : {0.0, 25.0, 50.0, 75.0, 100.0}) {
            l.percent_ticks.push_back(p);
            l.percent_tick_y.push_back(MoneyY(plot, top, plan * p / 100));
        }
    }
    return l;
}

int HitSCurve(const SCurveLayout& layout, float x, float y)
{
    if (!layout.plot.Contains(x, y) || layout.column_width <= 0)
        return -1;
    const int column = static_cast<int>((x - layout.plot.x0) / layout.column_width);
    return std::clamp(column, 0, 11);
}

BarsLayout LayoutPlanBars(const std::vector<PlanBar>& bars, ChartRect plot)
{
    BarsLayout l;
    l.plot = plot;
    double max = 0;
    for (const PlanBar& b : bars)
        max = std::max({max, b.plan.ToWanDouble(), b.completed.ToWanDouble()});
    l.ticks = NiceMoneyTicks(max);
    const double top = l.ticks.Top();
    auto x_of = [&](double wan) {
        return plot.x0 + static_cast<float>(top > 0 ? std::max(0.0, wan) / top : 0) * plot.Width();
    };
    for (double v : l.ticks.values)
        l.tick_x.push_back(x_of(v));
    if (bars.empty())
        return l;
    const float band = plot.Height() / static_cast<float>(bars.size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        BarRowLayout row;
        row.row = {plot.x0, plot.y0 + band * static_cast<float>(i), plot.x1, plot.y0 + band * static_cast<float>(i + 1)};
        // The plan bar takes 70 % of the band, centred; the completed bar the middle half of it.
        const float plan_height = band * 0.7f;
        const float plan_top = row.row.y0 + (band - plan_height) / 2;
        row.plan = {plot.x0, plan_top, x_of(bars[i].plan.ToWanDouble()), plan_top + plan_height};
        const float done_top = plan_top + plan_height / 4;
        row.completed = {plot.x0, done_top, x_of(bars[i].completed.ToWanDouble()), done_top + plan_height / 2};
        l.rows.push_back(row);
    }
    return l;
}

int HitBars(const BarsLayout& layout, float x, float y)
{
    for (std::size_t i = 0; i < layout.rows.size(); ++i)
        if (layout.rows[i].row.Contains(x, y))
            return static_cast<int>(i);
    return -1;
}

BreakdownLayout LayoutBreakdown(const std::vector<BreakdownGroup>& groups, ChartRect bar)
{
    BreakdownLayout l;
    l.bar = bar;
    int total = 0;
    for (const BreakdownGroup& g : groups)
        total += g.Count();
    float x = bar.x0;
    for (const BreakdownGroup& g : groups) {
        const float width = total > 0 ? bar.Width() * static_cast<float>(g.Count()) / static_cast<float>(total) : 0;
        l.segments.push_back({x, bar.y0, x + width, bar.y1});
        x += width;
    }
    return l;
}

int HitBreakdown(const BreakdownLayout& layout, float x, float y)
{
    for (std::size_t i = 0; i < layout.segments.size(); ++i) {
        const ChartRect& s = layout.segments[i];
        if (s.Width() > 0 && s.Contains(x, y))
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace kpl
