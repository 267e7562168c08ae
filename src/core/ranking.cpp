// Rankings, interviews, assessment and the campaign calendar.
#include "ranking.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace kpl {

const Indicator kRankedRates[kRankedRateCount] = {Indicator::Investment, Indicator::Start, Indicator::Funds,
                                                  Indicator::Completion};

namespace {

// Scores are compared at 0.01 points, as they are shown, so that float noise makes no false order.
int64_t ScoreKey(double score) { return std::llround(score * 100.0); }

double WeightSum(const RankingSettings& s)
{
    return s.investment_completion_weight + s.start_rate_weight + s.funds_rate_weight + s.completion_rate_weight;
}

// Competition ranking over entries already sorted best first.
template <typename Entry, typename Key>
void AssignRanks(std::vector<Entry>& entries, Key key)
{
    for (std::size_t i = 0; i < entries.size(); ++i)
        entries[i].rank = (i > 0 && key(entries[i]) == key(entries[i - 1])) ? entries[i - 1].rank : static_cast<int>(i) + 1;
}

std::string UnitName(const Ledger& ledger, const std::string& id)
{
    if (const District* d = FindDistrict(ledger, id))
        return d->name;
    if (const Department* d = FindDepartment(ledger, id))
        return d->name;
    return id;
}

} // namespace

const RankEntry* Ranking::Find(const std::string& unit_id) const
{
    for (const RankEntry& e : entries)
        if (e.unit_id == unit_id)
            return &e;
    return nullptr;
}

Ranking RankUnits(const std::vector<UnitIndicators>& units, const RankingSettings& settings, UnitKind group,
                  YearMonth month)
{
    Ranking ranking;
    ranking.month = month;
    ranking.group = group;
    const double weights[kRankedRateCount] = {settings.investment_completion_weight, settings.start_rate_weight,
                                              settings.funds_rate_weight, settings.completion_rate_weight};
    const double all_weights = WeightSum(settings);
    for (const UnitIndicators& u : units) {
        const IndicatorSet& set = u.set;
        bool has_projects = false;
        for (const Figure& f : set.figures)
            has_projects = has_projects || !f.denominator_projects.empty();
        if (!has_projects)
            continue;
        RankEntry e;
        e.unit_id = u.id;
        e.name = u.name;
        // A rate without a denominator (no completion target, say) neither helps nor hurts: the
        // other weights are scaled up to the full total.
        double available = 0;
        for (int i = 0; i < kRankedRateCount; ++i) {
            e.rates[i] = set.Get(kRankedRates[i]).percent;
            if (e.rates[i])
                available += weights[i];
        }
        const double scale = available > 0 ? all_weights / available : 0;
        for (int i = 0; i < kRankedRateCount; ++i) {
            if (e.rates[i])
                e.points[i] = weights[i] * scale * std::min(*e.rates[i], 100.0) / 100.0;
            e.score += e.points[i];
        }
        ranking.entries.push_back(std::move(e));
    }
    std::stable_sort(ranking.entries.begin(), ranking.entries.end(),
                     [](const RankEntry& a, const RankEntry& b) { return ScoreKey(a.score) > ScoreKey(b.score); });
    AssignRanks(ranking.entries, [](const RankEntry& e) { return ScoreKey(e.score); });
    const int n = static_cast<int>(ranking.entries.size());
    for (RankEntry& e : ranking.entries)
        // The top rank is never 靠后, even when there are no more units than bottom_n.
        e.bottom = settings.bottom_n > 0 && e.rank > n - settings.bottom_n && e.rank > 1;
    return ranking;
}

MonthRankings RankingsFromIndicators(const Ledger& ledger, const IndicatorReport& indicators)
{
    MonthRankings r;
    r.month = indicators.month;
    r.districts = RankUnits(indicators.districts, ledger.settings.ranking, UnitKind::District, indicators.month);
    r.departments = RankUnits(indicators.departments, ledger.settings.ranking, UnitKind::Department, indicators.month);
    return r;
}

MonthRankings ComputeRankings(const Ledger& ledger, YearMonth month)
{
    return RankingsFromIndicators(ledger, ComputeIndicators(ledger, month, false));
}

MonthRankings ComputeRankings(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month)
{
    return RankingsFromIndicators(ledger, ComputeIndicators(ledger, timelines, month, false));
}

std::vector<MonthRankings> ComputeRankingHistory(const Ledger& ledger, YearMonth through)
{
    const LedgerTimelines timelines = BuildTimelines(ledger);
    std::vector<MonthRankings> history;
    for (YearMonth m{ledger.meta.year, 1}; m <= through; m = m.Next())
        history.push_back(RankingsOfRecord(ledger, timelines, m));
    return history;
}

namespace {

double Hundredths(double v) { return static_cast<double>(std::llround(v * 100.0)) / 100.0; }

std::vector<PublishedRankEntry> PublishEntries(const Ranking& ranking)
{
    std::vector<PublishedRankEntry> out;
    for (const RankEntry& e : ranking.entries) {
        PublishedRankEntry p;
        p.unit_id = e.unit_id;
        p.name = e.name;
        for (int i = 0; i < kRankedRateCount; ++i) {
            if (e.rates[i])
                p.rates[i] = Hundredths(*e.rates[i]);
            p.points[i] = Hundredths(e.points[i]);
        }
        p.score = Hundredths(e.score);
        p.rank = e.rank;
        p.bottom = e.bottom;
        out.push_back(std::move(p));
    }
    return out;
}

Ranking RankingFromPublished(const std::vector<PublishedRankEntry>& entries, UnitKind group, YearMonth month)
{
    Ranking r;
    r.month = month;
    r.group = group;
    for (const PublishedRankEntry& p : entries) {
        RankEntry e;
        e.unit_id = p.unit_id;
        e.name = p.name;
        for (int i = 0; i < kRankedRateCount; ++i) {
            e.rates[i] = p.rates[i];
            e.points[i] = p.points[i];
        }
        e.score = p.score;
        e.rank = p.rank;
        e.bottom = p.bottom;
        r.entries.push_back(std::move(e));
    }
    return r;
}

} // namespace

PublishedRankings ToPublished(const MonthRankings& rankings, int bottom_n, const std::string& published_at,
                              const std::string& published_by)
{
    PublishedRankings p;
    p.month = rankings.month;
    p.published_at = published_at;
    p.published_by = published_by;
    p.bottom_n = bottom_n;
    p.districts = PublishEntries(rankings.districts);
    p.departments = PublishEntries(rankings.departments);
    return p;
}

MonthRankings FromPublished(const PublishedRankings& published)
{
    MonthRankings r;
    r.month = published.month;
    r.districts = RankingFromPublished(published.districts, UnitKind::District, published.month);
    r.departments = RankingFromPublished(published.departments, UnitKind::Department, published.month);
    r.published = true;
    r.published_at = published.published_at;
    r.published_by = published.published_by;
    return r;
}

const PublishedRankings* FindPublished(const Ledger& ledger, YearMonth month)
{
    for (const PublishedRankings& p : ledger.published_rankings)
        if (p.month == month)
            return &p;
    return nullptr;
}

MonthRankings RankingsOfRecord(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month)
{
    if (const PublishedRankings* p = FindPublished(ledger, month))
        return FromPublished(*p);
    return ComputeRankings(ledger, timelines, month);
}

std::vector<RankingChange> CompareWithPublished(const PublishedRankings& published, const MonthRankings& current)
{
    std::vector<RankingChange> changes;
    auto compare = [&](const std::vector<PublishedRankEntry>& before, const Ranking& now, UnitKind group) {
        for (const PublishedRankEntry& p : before) {
            RankingChange c;
            c.group = group;
            c.unit_id = p.unit_id;
            c.name = p.name;
            c.published_rank = p.rank;
            c.published_score = p.score;
            c.published_bottom = p.bottom;
            if (const RankEntry* e = now.Find(p.unit_id)) {
                c.current_rank = e->rank;
                c.current_score = e->score;
                c.current_bottom = e->bottom;
            }
            if (c.current_rank != c.published_rank || c.current_bottom != c.published_bottom ||
                ScoreKey(c.current_score) != ScoreKey(c.published_score))
                changes.push_back(std::move(c));
        }
        for (const RankEntry& e : now.entries) {
            bool was_published = std::any_of(before.begin(), before.end(),
                                             [&](const PublishedRankEntry& p) { return p.unit_id == e.unit_id; });
            if (was_published)
                continue;
            RankingChange c;
            c.group = group;
            c.unit_id = e.unit_id;
            c.name = e.name;
            c.current_rank = e.rank;
            c.current_score = e.score;
            c.current_bottom = e.bottom;
            changes.push_back(std::move(c));
        }
    };
    compare(published.districts, current.districts, UnitKind::District);
    compare(published.departments, current.departments, UnitKind::Department);
    return changes;
}

std::vector<InterviewEntry> ComputeInterviews(const Ledger& ledger, const std::vector<MonthRankings>& history,
                                              YearMonth month)
{
    std::vector<InterviewEntry> out;
    const MonthRankings* now = nullptr;
    const MonthRankings* before = nullptr;
    for (const MonthRankings& m : history) {
        if (m.month == month)
            now = &m;
        if (m.month.Index() == month.Index() - 1)
            before = &m;
    }
    if (now && before) {
        auto twice = [&](const Ranking& current, const Ranking& previous, InterviewReason reason, const char* who,
                         const char* group_zh) {
            for (const RankEntry& e : current.entries) {
                const RankEntry* p = previous.Find(e.unit_id);
                if (!e.bottom || !p || !p->bottom)
                    continue;
                InterviewEntry i;
                i.reason = reason;
                i.unit_id = e.unit_id;
                i.unit_name = e.name;
                i.interviewer = who;
                i.previous_rank = p->rank;
                i.rank = e.rank;
                i.explanation = std::string(group_zh) + "排名连续两个月靠后：" + MonthTextZh(previous.month) + "第" +
                                std::to_string(p->rank) + "名，" + MonthTextZh(current.month) + "第" +
                                std::to_string(e.rank) + "名";
                out.push_back(std::move(i));
            }
        };
        twice(now->districts, before->districts, InterviewReason::DistrictBottomTwice, "市委书记、市长", "县市区");
        twice(now->departments, before->departments, InterviewReason::DepartmentBottomTwice, "市委组织部", "服务责任部门");
    }

    // 市纪委: slow licensing. Every unit responsible for an approval problem overdue at month end,
    // in the order the units first appear among the problems.
    std::vector<InterviewEntry> approval;
    const Date month_end = month.LastDay();
    for (const Problem& p : ledger.problems) {
        if (p.category != ProblemCategory::Approval || !ProblemStandingAt(p, month_end).overdue)
            continue;
        auto it = std::find_if(approval.begin(), approval.end(),
                               [&](const InterviewEntry& e) { return e.unit_id == p.responsible_unit_id; });
        if (it == approval.end()) {
            InterviewEntry e;
            e.reason = InterviewReason::ApprovalOverdue;
            e.unit_id = p.responsible_unit_id;
            e.unit_name = UnitName(ledger, p.responsible_unit_id);
            e.interviewer = "市纪委";
            approval.push_back(std::move(e));
            it = approval.end() - 1;
        }
        it->problem_ids.push_back(p.id);
    }
    for (InterviewEntry& e : approval) {
        e.explanation = "行政许可（审批）推进缓慢：" + std::to_string(e.problem_ids.size()) + " 个审批类交办问题超期未销号";
        out.push_back(std::move(e));
    }
    return out;
}

Assessment ComputeAssessment(const Ledger& ledger, YearMonth month)
{
    Assessment a;
    a.month = month;
    const AssessmentSettings& s = ledger.settings.assessment;
    const double all_weights = WeightSum(ledger.settings.ranking);
    const MonthRankings rankings = ComputeRankings(ledger, month);
    const Date month_end = month.LastDay();

    // A problem counts against its unit once when it went past its deadline by the month's end:
    // still open after it, or closed out late.
    std::unordered_map<std::string, int> overdue;
    for (const Problem& p : ledger.problems) {
        ProblemStanding st = ProblemStandingAt(p, month_end);
        if (st.overdue || (st.closed && st.closed_on && *st.closed_on > p.deadline))
            ++overdue[p.responsible_unit_id];
    }
    std::unordered_map<std::string, double> qualitative;
    for (const QualitativeScore& q : s.qualitative_scores)
        qualitative[q.unit_id] = q.score;

    auto build = [&](const Ranking& ranking, UnitKind group) {
        std::vector<AssessmentEntry> entries;
        for (const RankEntry& r : ranking.entries) {
            AssessmentEntry e;
            e.group = group;
            e.unit_id = r.unit_id;
            e.name = r.name;
            e.quantitative = all_weights > 0 ? r.score * 100.0 / all_weights : 0;
            if (auto it = qualitative.find(r.unit_id); it != qualitative.end())
                e.qualitative = it->second;
            // Without a qualitative score the quantitative score stands alone, rather than counting
            // a missing entry as zero.
            const double wq = s.quantitative_weight;
            const double wl = e.qualitative ? s.qualitative_weight : 0;
            e.weighted = wq + wl > 0 ? (wq * e.quantitative + wl * e.qualitative.value_or(0)) / (wq + wl) : 0;
            if (auto it = overdue.find(r.unit_id); it != overdue.end())
                e.overdue_problems = it->second;
            e.deduction = e.overdue_problems * s.overdue_problem_deduction;
            e.total = e.weighted - e.deduction;
            entries.push_back(std::move(e));
        }
        std::stable_sort(entries.begin(), entries.end(), [](const AssessmentEntry& x, const AssessmentEntry& y) {
            return ScoreKey(x.total) > ScoreKey(y.total);
        });
        AssignRanks(entries, [](const AssessmentEntry& e) { return ScoreKey(e.total); });
        return entries;
    };
    a.districts = build(rankings.districts, UnitKind::District);
    a.departments = build(rankings.departments, UnitKind::Department);
    return a;
}

std::vector<CampaignEvent> CampaignCalendar(int year)
{
    auto ym = [](int y, int m) { return YearMonth{y, m}; };
    return {
        {ym(year, 4), ym(year, 4), "动员部署阶段",
         "召开工作部署会议，下发实施方案，分解目标任务，建立工作联系制度；确定市直服务责任部门的责任领导和责任人"},
        {ym(year, 5), ym(year, 12), "深入实施阶段", "抓好项目日常管理：一月一通报，一季一调度（交办、销号、督查）"},
        {ym(year, 7), ym(year, 7), "半年小结", "总结上半年项目推进情况，分析存在的问题和原因，提出下半年工作要求"},
        {ym(year, 10), ym(year, 10), "十月底攻坚行动", "组织开展促进项目攻坚行动，推进年度竣工项目建设，确保竣工目标年内完成"},
        {ym(year + 1, 1), ym(year + 1, 2), "考核阶段", "对项目竣工攻坚工作进行考核评比，全面总结活动开展情况，纳入市政绩考核"},
    };
}

std::vector<CampaignEvent> CampaignDue(int year, YearMonth month)
{
    std::vector<CampaignEvent> due;
    for (CampaignEvent& e : CampaignCalendar(year))
        if (e.from <= month && month <= e.to)
            due.push_back(std::move(e));
    // The routine of the implementation stage: a bulletin every month, a dispatch each quarter end.
    if (month.year == year && month.month >= 4) {
        due.push_back({month, month, "月度通报", "通报本月重点续建项目和竣工项目进展情况及排名"});
        if (month.month % 3 == 0)
            due.push_back({month, month, "季度调度", "召开季度调度会：交办问题、销号、督查，并开展一次讲评"});
    }
    return due;
}

} // namespace kpl
