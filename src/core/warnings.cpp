// Warning colours: the rules of one month, then the month-by-month history with hysteresis.
#include "warnings.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>


namespace kpl {

namespace {

std::string Points(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

WarningReason& Add(ProjectWarning& w, WarningRule rule, WarningColour colour)
{
    w.reasons.emplace_back();
    w.reasons.back().rule = rule;
    w.reasons.back().colour = colour;
    w.rule_colour = std::max(w.rule_colour, colour);
    return w.reasons.back();
}

std::vector<std::vector<const Problem*>> ProblemsByProject(const Ledger& ledger)
{
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < ledger.projects.size(); ++i)
        index.emplace(ledger.projects[i].id, static_cast<int>(i));
    std::vector<std::vector<const Problem*>> out(ledger.projects.size());
    for (const Problem& p : ledger.problems) {
        auto it = index.find(p.project_id);
        if (it != index.end())
            out[static_cast<std::size_t>(it->second)].push_back(&p);
    }
    return out;
}

} // namespace

const char* ColourName(WarningColour colour)
{
    switch (colour) {
    case WarningColour::Green: return "绿色";
    case WarningColour::Yellow: return "黄色";
    case WarningColour::Red: return "红色";
    }
    return "";
}

std::string ReasonText(const WarningReason& r, Language language)
{
    const bool zh = language == Language::Chinese;
    switch (r.rule) {
    case WarningRule::BehindSchedule: {
        const std::string actual = Points(r.actual_percent), expected = Points(r.expected_percent);
        const std::string behind = Points(r.expected_percent - r.actual_percent);
        return zh ? "投资完成率 " + actual + "% 落后序时进度 " + expected + "% " + behind + " 个百分点"
                  : "investment " + actual + "% is " + behind + " points behind the schedule " + expected + "%";
    }
    case WarningRule::LateStart:
        return zh ? "计划" + MonthTextZh(r.planned_month) + "开工，至今未开工（逾期 " + std::to_string(r.months_late) + " 个月）"
                  : "planned to start in " + r.planned_month.ToString() + ", not started (" +
                        std::to_string(r.months_late) + " months late)";
    case WarningRule::FundsShort:
        return zh ? "到位资金 " + r.in_place.ToString() + " 万元，低于按序时应到位的 " + r.needed.ToString() + " 万元"
                  : "funds in place " + r.in_place.ToString() + " 万元, below the " + r.needed.ToString() + " 万元 due by now";
    case WarningRule::ProblemOverdue:
        return zh ? "交办问题 " + r.problem_id + " 已超期 " + std::to_string(r.days) + " 天（期限 " + r.deadline.ToString() + "）"
                  : "assigned problem " + r.problem_id + " is " + std::to_string(r.days) + " days overdue (deadline " +
                        r.deadline.ToString() + ")";
    case WarningRule::ProblemDueSoon:
        return zh ? "交办问题 " + r.problem_id + " 将于 " + std::to_string(r.days) + " 天内到期（期限 " + r.deadline.ToString() + "）"
                  : "assigned problem " + r.problem_id + " is due within " + std::to_string(r.days) + " days (deadline " +
                        r.deadline.ToString() + ")";
    case WarningRule::CatchingUp:
        return zh ? "上月为红色预警，本月各项已达标，先降为黄色" : "red last month and within the rules now: yellow for one month";
    }
    return {};
}

int MonthWarnings::Count(WarningColour colour) const
{
    return static_cast<int>(std::count_if(projects.begin(), projects.end(),
                                          [&](const ProjectWarning& w) { return w.colour == colour; }));
}

const MonthWarnings* WarningHistory::For(YearMonth month) const
{
    for (const MonthWarnings& m : months)
        if (m.month == month)
            return &m;
    return nullptr;
}

ProjectWarning RuleWarning(const Ledger& ledger, const LedgerTimelines& timelines, int project_index, YearMonth month,
                           const std::vector<const Problem*>& project_problems)
{
    const ProjectTimeline& t = timelines.projects[static_cast<std::size_t>(project_index)];
    const int m = month.Index();
    const Project& project = ledger.projects[static_cast<std::size_t>(project_index)];
    const WarningSettings& rules = ledger.settings.warnings;
    const Date month_end = month.LastDay();
    const double schedule = SchedulePercent(ledger.settings.indicators, ledger.meta.year, month);
    ProjectWarning w;
    w.project = project_index;

    const bool due_to_start = t.planned_start <= m;
    const bool started = t.started <= m;
    const bool completed = t.completed <= m;

    // Behind 序时进度: only for a project due to have started that is not yet complete (a finished
    // project owes no more of its plan; one not yet due owes none yet).
    if (project.plan.Cents() > 0 && due_to_start && !completed) {
        const int64_t done = timelines.Invested(static_cast<std::size_t>(project_index), month);
        const double percent = 100.0 * static_cast<double>(done) / static_cast<double>(project.plan.Cents());
        const double behind = schedule - percent;
        if (behind > rules.behind_yellow_points) {
            const bool red = behind > rules.behind_red_points;
            WarningReason& r = Add(w, WarningRule::BehindSchedule, red ? WarningColour::Red : WarningColour::Yellow);
            r.actual_percent = percent;
            r.expected_percent = schedule;
        }
    }

    // Late start: yellow from the end of the planned month, red late_start_red_months later.
    if (due_to_start && !started) {
        const YearMonth planned_month = YearMonth::FromIndex(t.planned_start);
        const int months_late = m - t.planned_start;
        const bool red = months_late >= rules.late_start_red_months;
        WarningReason& r = Add(w, WarningRule::LateStart, red ? WarningColour::Red : WarningColour::Yellow);
        r.planned_month = planned_month;
        r.months_late = months_late;
    }

    // Funds: what should be in place by now is the requirement times 序时进度.
    if (project.funds_required.Cents() > 0 && !completed) {
        const Money in_place = Money::FromCents(timelines.Funds(static_cast<std::size_t>(project_index), month));
        const double needed = static_cast<double>(project.funds_required.Cents()) * schedule / 100.0;
        if (static_cast<double>(in_place.Cents()) < needed * rules.funds_red_percent / 100.0) {
            WarningReason& r = Add(w, WarningRule::FundsShort, WarningColour::Red);
            r.in_place = in_place;
            r.needed = Money::FromCents(static_cast<int64_t>(needed + 0.5));
        }
    }

    for (const Problem* p : project_problems) {
        ProblemStanding s = ProblemStandingAt(*p, month_end);
        if (!s.assigned || s.closed)
            continue;
        const long days_left = p->deadline.DayNumber() - month_end.DayNumber();
        if (!s.overdue && days_left > rules.due_soon_days)
            continue;
        WarningReason& r = s.overdue ? Add(w, WarningRule::ProblemOverdue, WarningColour::Red)
                                     : Add(w, WarningRule::ProblemDueSoon, WarningColour::Yellow);
        r.problem_id = p->id;
        r.deadline = p->deadline;
        r.days = s.overdue ? -days_left : days_left;
    }
    w.colour = w.rule_colour;
    return w;
}

WarningHistory ComputeWarningHistory(const Ledger& ledger, YearMonth through)
{
    return ComputeWarningHistory(ledger, BuildTimelines(ledger), through);
}

WarningHistory ComputeWarningHistory(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth through)
{
    WarningHistory history;
    const YearMonth first{ledger.meta.year, 1};
    if (through < first)
        return history;
    const auto problems = ProblemsByProject(ledger);
    for (YearMonth m = first; m <= through; m = m.Next()) {
        MonthWarnings month;
        month.month = m;
        month.projects.reserve(ledger.projects.size());
        const MonthWarnings* previous = history.months.empty() ? nullptr : &history.months.back();
        for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
            ProjectWarning w = RuleWarning(ledger, timelines, static_cast<int>(i), m, problems[i]);
            // Hysteresis: a red project steps down through yellow, so one good month does not clear it.
            if (previous && previous->projects[i].colour == WarningColour::Red && w.rule_colour == WarningColour::Green) {
                w.colour = WarningColour::Yellow;
                WarningReason r;
                r.rule = WarningRule::CatchingUp;
                r.colour = WarningColour::Yellow;
                w.reasons.push_back(r);
            }
            month.projects.push_back(std::move(w));
        }
        history.months.push_back(std::move(month));
    }
    return history;
}

} // namespace kpl
