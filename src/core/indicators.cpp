// The five indicators as of a month: per-project facts first, then sums per unit.
#include "indicators.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "summary.h"

namespace kpl {

namespace {

struct IndicatorNames {
    const char* zh;
    const char* en;
};
const IndicatorNames kIndicatorNames[kIndicatorCount] = {
    {"履约率", "contract-fulfilment rate"},
    {"开工率", "start rate"},
    {"资金到位率", "funds-in-place rate"},
    {"竣工投产率", "completion & commissioning rate"},
    {"投资完成率", "investment-completion rate"},
};

// What one project contributes to each figure in a month.
struct Contribution {
    int64_t numerator[kIndicatorCount] = {};
    int64_t denominator[kIndicatorCount] = {};
};

Contribution ProjectContribution(const LedgerTimelines& timelines, std::size_t project_index, YearMonth month)
{
    Contribution c;
    const ProjectTimeline& t = timelines.projects[project_index];
    const Project& project = *t.project;
    const int m = month.Index();

    // 履约率: this year's milestones planned by the end of the month; met when reached no later
    // than the planned date plus the grace days, and reached by the end of the month.
    for (const auto& [due, met] : t.milestones) {
        if (due > m)
            continue;
        c.denominator[0] += 1;
        c.numerator[0] += met <= m ? 1 : 0;
    }

    // 开工率
    if (t.planned_start <= m) {
        c.denominator[1] = 1;
        c.numerator[1] = t.started <= m ? 1 : 0;
    }

    // 资金到位率: money-weighted; in-place funds above a project's requirement are capped so that one
    // over-funded project does not hide another's shortfall.
    if (project.funds_required.Cents() > 0) {
        c.denominator[2] = project.funds_required.Cents();
        c.numerator[2] = std::clamp<int64_t>(timelines.Funds(project_index, month), 0, project.funds_required.Cents());
    }

    // 竣工投产率
    if (project.completion_target) {
        c.denominator[3] = 1;
        c.numerator[3] = t.completed <= m ? 1 : 0;
    }

    // 投资完成率: this year's investment through the month against the annual plan.
    if (project.plan.Cents() > 0) {
        c.denominator[4] = project.plan.Cents();
        c.numerator[4] = timelines.Invested(project_index, month);
    }
    return c;
}

int MonthOf(const Date& d) { return d.year * 12 + (d.month - 1); }

void StartSet(IndicatorSet& set, YearMonth month, double schedule)
{
    set.schedule_percent = schedule;
    for (int i = 0; i < kIndicatorCount; ++i) {
        set.figures[i] = Figure();
        set.figures[i].indicator = static_cast<Indicator>(i);
        set.figures[i].month = month;
    }
}

void AddContribution(IndicatorSet& set, const Contribution& c, int project_index)
{
    for (int i = 0; i < kIndicatorCount; ++i) {
        Figure& f = set.figures[i];
        if (c.denominator[i] == 0 && c.numerator[i] == 0)
            continue;
        f.numerator += c.numerator[i];
        f.denominator += c.denominator[i];
        if (c.denominator[i] != 0)
            f.denominator_projects.push_back(project_index);
        if (c.numerator[i] != 0)
            f.numerator_projects.push_back(project_index);
    }
}

void FinishSet(IndicatorSet& set)
{
    for (Figure& f : set.figures)
        f.percent = f.denominator > 0 ? std::optional<double>(100.0 * static_cast<double>(f.numerator) /
                                                              static_cast<double>(f.denominator))
                                      : std::nullopt;
}

template <typename Record>
std::vector<UnitIndicators> StartUnits(const std::vector<Record>& records, UnitKind kind, YearMonth month,
                                       double schedule)
{
    std::vector<UnitIndicators> units(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        units[i].kind = kind;
        units[i].id = records[i].id;
        StartSet(units[i].set, month, schedule);
    }
    return units;
}

std::string MoneyText(int64_t cents) { return Money::FromCents(cents).ToString(); }

} // namespace

const char* IndicatorName(Indicator indicator) { return kIndicatorNames[static_cast<int>(indicator)].zh; }
const char* IndicatorNameEn(Indicator indicator) { return kIndicatorNames[static_cast<int>(indicator)].en; }

std::optional<double> IndicatorSet::InvestmentGapPoints() const
{
    const Figure& f = Get(Indicator::Investment);
    if (!f.percent)
        return std::nullopt;
    return *f.percent - schedule_percent;
}

int64_t LedgerTimelines::Invested(std::size_t project, YearMonth month) const
{
    if (month.year < year)
        return 0;
    return projects[project].invested[month.year > year ? 12 : month.month];
}

int64_t LedgerTimelines::Funds(std::size_t project, YearMonth month) const
{
    if (month.year == year)
        return projects[project].funds[month.month];
    if (month.year == year - 1 && month.month == 12)
        return projects[project].funds[0];
    return FundsInPlaceAsOf(*projects[project].project, month).Cents();  // rare: outside the year
}

LedgerTimelines BuildTimelines(const Ledger& ledger)
{
    LedgerTimelines timelines;
    timelines.year = ledger.meta.year;
    const int year = ledger.meta.year;
    auto index_of = [](const auto& records) {
        std::unordered_map<std::string, int> index;
        for (std::size_t i = 0; i < records.size(); ++i)
            index.emplace(records[i].id, static_cast<int>(i));
        return index;
    };
    const auto districts = index_of(ledger.districts);
    const auto departments = index_of(ledger.departments);
    const auto leaders = index_of(ledger.city_leaders);
    auto find = [](const std::unordered_map<std::string, int>& index, const std::string& id) {
        auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    const int grace = ledger.settings.indicators.milestone_grace_days;
    timelines.projects.resize(ledger.projects.size());
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        const Project& p = ledger.projects[i];
        ProjectTimeline& t = timelines.projects[i];
        t.project = &p;
        t.district = find(districts, p.district_id);
        t.department = find(departments, p.department_id);
        t.city_leader = find(leaders, p.city_leader_id);
        if (std::optional<Date> planned = PlannedStart(p))
            t.planned_start = MonthOf(*planned);
        t.started = p.actual_start ? MonthOf(*p.actual_start) : p.status != ProjectStatus::NotStarted ? kAlways : kNever;
        const bool done = p.status == ProjectStatus::Completed || p.status == ProjectStatus::Commissioned;
        t.completed = p.actual_completion ? MonthOf(*p.actual_completion) : done ? kAlways : kNever;
        for (const Milestone& m : p.milestones) {
            if (!m.planned || m.planned->year < year)
                continue;
            const bool on_time = m.actual && *m.actual <= m.planned->AddDays(grace);
            t.milestones.emplace_back(MonthOf(*m.planned), on_time ? MonthOf(*m.actual) : kNever);
        }
        // Investment by month of the year, then running sums.
        int64_t by_month[13] = {};
        bool any_funds = false;
        int64_t funds_at[13] = {};
        int funds_month[13];  // month index of the report behind funds_at, to keep the latest
        std::fill(std::begin(funds_month), std::end(funds_month), kAlways);
        for (const MonthlyReport& r : p.reports) {
            if (r.month.year == year)
                by_month[r.month.month] += r.investment.Cents();
            if (!r.funds_in_place)
                continue;
            any_funds = true;
            // The latest report on or before each month: month m takes reports of its own month and
            // earlier; slot 0 (December before) only earlier years.
            const int slot = r.month.year < year ? 0 : r.month.year == year ? r.month.month : 13;
            if (slot <= 12 && r.month.Index() > funds_month[slot]) {
                funds_month[slot] = r.month.Index();
                funds_at[slot] = r.funds_in_place->Cents();
            }
        }
        for (int m = 1; m <= 12; ++m)
            t.invested[m] = t.invested[m - 1] + by_month[m];
        if (!any_funds) {
            std::fill(std::begin(t.funds), std::end(t.funds), p.funds_in_place.Cents());
        } else {
            int64_t current = funds_month[0] != kAlways ? funds_at[0] : 0;
            t.funds[0] = current;
            for (int m = 1; m <= 12; ++m) {
                if (funds_month[m] != kAlways)
                    current = funds_at[m];
                t.funds[m] = current;
            }
        }
    }
    return timelines;
}

double SchedulePercent(const IndicatorSettings& settings, int ledger_year, YearMonth month)
{
    if (month.year < ledger_year)
        return 0;
    if (month.year > ledger_year)
        return 100;
    if (settings.schedule_basis == ScheduleBasis::CalendarMonths)
        return 100.0 * month.month / 12.0;
    const int start = std::clamp(settings.schedule_start_month, 1, 12);
    if (month.month < start)
        return 0;
    return 100.0 * (month.month - start + 1) / (12 - start + 1);
}

std::optional<Date> PlannedStart(const Project& project)
{
    for (const Milestone& m : project.milestones)
        if (m.planned && m.name.find("开工") != std::string::npos)
            return m.planned;
    if (project.start_year > 0)
        return Date{project.start_year, 1, 1};
    for (const Milestone& m : project.milestones)
        if (m.planned)
            return m.planned;
    return std::nullopt;
}

bool StartedBy(const Project& project, Date day)
{
    if (project.actual_start)
        return *project.actual_start <= day;
    return project.status != ProjectStatus::NotStarted;
}

bool CompletedBy(const Project& project, Date day)
{
    if (project.actual_completion)
        return *project.actual_completion <= day;
    return project.status == ProjectStatus::Completed || project.status == ProjectStatus::Commissioned;
}

Money FundsInPlaceAsOf(const Project& project, YearMonth month)
{
    bool any_reported = false;
    const MonthlyReport* latest = nullptr;
    for (const MonthlyReport& r : project.reports) {
        if (!r.funds_in_place)
            continue;
        any_reported = true;
        if (r.month <= month && (!latest || latest->month < r.month))
            latest = &r;
    }
    if (!any_reported)
        return project.funds_in_place;
    return latest ? *latest->funds_in_place : Money();
}

ProblemStanding ProblemStandingAt(const Problem& problem, Date day)
{
    ProblemStanding s;
    s.assigned = problem.assigned_date <= day;
    if (!s.assigned)
        return s;
    // The history is oldest first; the last close-out or reopen on or before the day decides.
    for (const ProblemAction& a : problem.history) {
        if (a.date > day)
            continue;
        if (a.kind == ActionKind::CloseOut) {
            s.closed = true;
            s.closed_on = a.date;
        } else if (a.kind == ActionKind::Reopen) {
            s.closed = false;
            s.closed_on.reset();
        }
    }
    s.overdue = !s.closed && problem.deadline < day;
    return s;
}

IndicatorReport ComputeIndicators(const Ledger& ledger, YearMonth month, bool with_projects)
{
    return ComputeIndicators(ledger, BuildTimelines(ledger), month, with_projects);
}

IndicatorReport ComputeIndicators(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month,
                                  bool with_projects)
{
    IndicatorReport report;
    report.month = month;
    const IndicatorSettings& settings = ledger.settings.indicators;
    report.schedule_percent = SchedulePercent(settings, ledger.meta.year, month);

    report.districts = StartUnits(ledger.districts, UnitKind::District, month, report.schedule_percent);
    for (std::size_t i = 0; i < ledger.districts.size(); ++i)
        report.districts[i].name = ledger.districts[i].name;
    report.departments = StartUnits(ledger.departments, UnitKind::Department, month, report.schedule_percent);
    for (std::size_t i = 0; i < ledger.departments.size(); ++i)
        report.departments[i].name = ledger.departments[i].name;
    report.city_leaders = StartUnits(ledger.city_leaders, UnitKind::CityLeader, month, report.schedule_percent);
    for (std::size_t i = 0; i < ledger.city_leaders.size(); ++i)
        report.city_leaders[i].name = ledger.city_leaders[i].title;
    report.total.kind = UnitKind::Total;
    report.total.name = "合计";
    StartSet(report.total.set, month, report.schedule_percent);
    if (with_projects)
        report.projects.resize(ledger.projects.size());

    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        const ProjectTimeline& t = timelines.projects[i];
        const int pi = static_cast<int>(i);
        Contribution c = ProjectContribution(timelines, i, month);
        AddContribution(report.total.set, c, pi);
        if (t.district >= 0)
            AddContribution(report.districts[static_cast<std::size_t>(t.district)].set, c, pi);
        if (t.department >= 0)
            AddContribution(report.departments[static_cast<std::size_t>(t.department)].set, c, pi);
        if (t.city_leader >= 0)
            AddContribution(report.city_leaders[static_cast<std::size_t>(t.city_leader)].set, c, pi);
        if (with_projects) {
            UnitIndicators& u = report.projects[i];
            u.kind = UnitKind::Project;
            u.id = t.project->id;
            u.name = t.project->name;
            StartSet(u.set, month, report.schedule_percent);
            AddContribution(u.set, c, pi);
            FinishSet(u.set);
        }
    }
    FinishSet(report.total.set);
    for (auto* units : {&report.districts, &report.departments, &report.city_leaders})
        for (UnitIndicators& u : *units)
            FinishSet(u.set);
    return report;
}

std::vector<std::string> ProjectIds(const Ledger& ledger, const std::vector<int>& indices)
{
    std::vector<std::string> ids;
    ids.reserve(indices.size());
    for (int i : indices)
        ids.push_back(ledger.projects[static_cast<std::size_t>(i)].id);
    return ids;
}

std::string MonthTextZh(YearMonth month)
{
    return std::to_string(month.year) + "年" + std::to_string(month.month) + "月";
}

std::string FormatPercent(std::optional<double> percent)
{
    if (!percent)
        return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f%%", *percent);
    return buffer;
}

std::string ExplainFigure(const Figure& f, const IndicatorSettings& settings, Language language)
{
    const bool zh = language == Language::Chinese;
    const std::string month = zh ? MonthTextZh(f.month) + "底" : "end of " + f.month.ToString();
    const std::string n = f.IsMoney() ? MoneyText(f.numerator) : std::to_string(f.numerator);
    const std::string d = f.IsMoney() ? MoneyText(f.denominator) : std::to_string(f.denominator);
    const std::string value = FormatPercent(f.percent);
    const std::string grace = std::to_string(settings.milestone_grace_days);
    switch (f.indicator) {
    case Indicator::Fulfilment:
        return zh ? "履约率 = 截至" + month + "按期完成的节点 " + n + " 个 ÷ 本年计划于" + month + "前完成的节点 " + d +
                        " 个 = " + value + "（宽限 " + grace + " 天）"
                  : "contract-fulfilment rate = milestones met on time by the " + month + " " + n + " / milestones of the year planned by then " +
                        d + " = " + value + " (grace " + grace + " days)";
    case Indicator::Start:
        return zh ? "开工率 = 截至" + month + "已开工项目 " + n + " 个 ÷ 计划开工时间在" + month + "前的项目 " + d +
                        " 个 = " + value + "（计划开工时间取名称含“开工”的节点，否则取开工年份1月1日）"
                  : "start rate = projects started by the " + month + " " + n + " / projects due to have started by then " + d +
                        " = " + value + " (planned start: the milestone named 开工, else 1 January of the start year)";
    case Indicator::Funds:
        return zh ? "资金到位率 = 截至" + month + "到位资金 " + n + " 万元 ÷ 所需资金 " + d + " 万元 = " + value +
                        "（按金额加权，单个项目到位资金以所需资金为上限）"
                  : "funds-in-place rate = funds in place by the " + month + " " + n + " 万元 / funds required " + d + " 万元 = " +
                        value + " (money-weighted; each project capped at its requirement)";
    case Indicator::Completion:
        return zh ? "竣工投产率 = 截至" + month + "已竣工（投产）的目标项目 " + n + " 个 ÷ 年度竣工目标项目 " + d + " 个 = " + value
                  : "completion & commissioning rate = targets completed or commissioned by the " + month + " " + n +
                        " / completion targets " + d + " = " + value;
    case Indicator::Investment: {
        // The month's own year is the ledger's year for every figure the ledger computes.
        const std::string schedule = FormatPercent(SchedulePercent(settings, f.month.year, f.month));
        return zh ? "投资完成率 = 本年截至" + month + "完成投资 " + n + " 万元 ÷ 年度计划投资 " + d + " 万元 = " + value +
                        "，序时进度 " + schedule
                  : "investment-completion rate = investment completed this year by the " + month + " " + n +
                        " 万元 / annual plan " + d + " 万元 = " + value + "; expected by then (序时进度) " + schedule;
    }
    }
    return {};
}

} // namespace kpl
