// Rankings with weights and ties, interviews across two consecutive months, the assessment with
// deductions, the campaign calendar. Expected numbers worked out by hand below.
#include <doctest/doctest.h>

#include "ranking.h"
#include "supervision_ledger.h"

using namespace kpl;
using namespace kpl_test;

namespace {

// A unit whose four ranked rates are given (percent; negative: no denominator).
UnitIndicators HandUnit(const char* id, double investment, double start, double funds, double completion)
{
    UnitIndicators u;
    u.kind = UnitKind::District;
    u.id = id;
    u.name = std::string("单位") + id;
    auto set = [&](Indicator i, double v) {
        Figure& f = u.set.Get(i);
        f.indicator = i;
        if (v >= 0) {
            f.percent = v;
            f.denominator = 1;
            f.denominator_projects = {0};
        }
    };
    set(Indicator::Investment, investment);
    set(Indicator::Start, start);
    set(Indicator::Funds, funds);
    set(Indicator::Completion, completion);
    return u;
}

// Weights 40/20/20/20:
//   A: 80, 100, 50, 100  -> 32 + 20 + 10 + 20 = 82
//   B: 50, 100, 100, —   -> available 80 of 100, scale 1.25: 25 + 25 + 25 = 75
//   C: 100, 50, 50, 50   -> 40 + 10 + 10 + 10 = 70
//   D: 120 (counts as 100), 50, 50, 50 -> 70, tied with C
//   E: 10, 0, 0, 0       -> 4
std::vector<UnitIndicators> FiveUnits()
{
    return {HandUnit("C", 100, 50, 50, 50), HandUnit("A", 80, 100, 50, 100), HandUnit("E", 10, 0, 0, 0),
            HandUnit("B", 50, 100, 100, -1), HandUnit("D", 120, 50, 50, 50)};
}

std::vector<std::string> Order(const Ranking& r)
{
    std::vector<std::string> out;
    for (const RankEntry& e : r.entries)
        out.push_back(e.unit_id + ":" + std::to_string(e.rank) + (e.bottom ? "*" : ""));
    return out;
}

} // namespace

TEST_CASE("ranking: weighted score, breakdown, ties share a rank, bottom N")
{
    RankingSettings s;  // 40/20/20/20, bottom 3
    Ranking r = RankUnits(FiveUnits(), s, UnitKind::District, YearMonth{2016, 6});
    // 5 units, bottom 3: ranks above 5 - 3 = 2 are 靠后. C and D tie at 3 (C first: ledger order).
    CHECK(Order(r) == std::vector<std::string>{"A:1", "B:2", "C:3*", "D:3*", "E:5*"});
    CHECK(r.entries[0].score == doctest::Approx(82));
    CHECK(r.entries[0].points[0] == doctest::Approx(32));
    CHECK(r.entries[0].points[2] == doctest::Approx(10));
    CHECK(r.entries[1].score == doctest::Approx(75));
    CHECK(r.entries[1].points[1] == doctest::Approx(25));
    CHECK(r.entries[1].points[3] == 0);
    CHECK_FALSE(r.entries[1].rates[3].has_value());
    CHECK(r.entries[3].score == doctest::Approx(70));
    CHECK(*r.entries[3].rates[0] == doctest::Approx(120));  // shown as computed, capped in the score
    CHECK(r.entries[4].score == doctest::Approx(4));

    // Bottom 2: only ranks above 3: E. The tie at 3 keeps both C and D out.
    s.bottom_n = 2;
    CHECK(Order(RankUnits(FiveUnits(), s, UnitKind::District, YearMonth{2016, 6})) ==
          std::vector<std::string>{"A:1", "B:2", "C:3", "D:3", "E:5*"});

    // Only the start rate weighs: A and B 100, C and D 50, E 0.
    s = RankingSettings();
    s.investment_completion_weight = s.funds_rate_weight = s.completion_rate_weight = 0;
    Ranking start_only = RankUnits(FiveUnits(), s, UnitKind::District, YearMonth{2016, 6});
    CHECK(Order(start_only) == std::vector<std::string>{"A:1", "B:1", "C:3*", "D:3*", "E:5*"});
    CHECK(start_only.entries[0].score == doctest::Approx(20));
}

TEST_CASE("ranking: the hand-built ledger in June")
{
    // D1: investment 33.33, start 100, funds 66.67, no target -> scale 100/80:
    //     50 x 1/3 + 25 + 25 x 2/3 = 16.67 + 25 + 16.67 = 58.33
    // D2: 37.5, 50, 100, 50 -> 15 + 10 + 20 + 10 = 55
    // D3 has no project: not ranked.
    const Ledger l = SupervisionLedger();
    MonthRankings r = ComputeRankings(l, YearMonth{2016, 6});
    REQUIRE(r.districts.entries.size() == 2);
    CHECK(r.districts.entries[0].unit_id == "D1");
    CHECK(r.districts.entries[0].score == doctest::Approx(175.0 / 3));
    CHECK(r.districts.entries[1].unit_id == "D2");
    CHECK(r.districts.entries[1].score == doctest::Approx(55));
    // Departments, ranked on their own: U1 = P1 + P3, U2 = P2 + P4.
    CHECK(r.departments.entries.size() == 2);
    CHECK(r.departments.group == UnitKind::Department);

    std::vector<MonthRankings> history = ComputeRankingHistory(l, YearMonth{2016, 6});
    REQUIRE(history.size() == 6);
    CHECK(history[0].month == YearMonth{2016, 1});
    CHECK(history[5].districts.entries[0].score == doctest::Approx(175.0 / 3));
}

TEST_CASE("interviews: bottom in two consecutive months, not in one")
{
    RankingSettings s;
    s.bottom_n = 1;
    // Bottom 1 of 5: rank 5 only. May and June: the five units above, E last (5th) both times.
    // July: E scores 100 (first), C 0 (last): C is at the bottom once only, E no longer.
    std::vector<UnitIndicators> may = FiveUnits();
    std::vector<UnitIndicators> july = FiveUnits();
    july[2] = HandUnit("E", 100, 100, 100, 100);  // E: 100
    july[0] = HandUnit("C", 0, 0, 0, 0);          // C: 0
    const Ledger l = SvBase();  // no problems
    std::vector<MonthRankings> history;
    for (int m : {5, 6, 7}) {
        MonthRankings r;
        r.month = YearMonth{2016, m};
        r.districts = RankUnits(m == 7 ? july : may, s, UnitKind::District, r.month);
        r.departments = RankUnits(m == 7 ? july : may, s, UnitKind::Department, r.month);
        history.push_back(r);
    }
    // May: no April in the history, so nobody yet.
    CHECK(ComputeInterviews(l, history, YearMonth{2016, 5}).empty());
    // June: E was last in May and June: interviewed as a district and as a department.
    std::vector<InterviewEntry> june = ComputeInterviews(l, history, YearMonth{2016, 6});
    REQUIRE(june.size() == 2);
    CHECK(june[0].unit_id == "E");
    CHECK(june[0].reason == InterviewReason::DistrictBottomTwice);
    CHECK(june[0].interviewer == "市委书记、市长");
    CHECK(june[0].previous_rank == 5);
    CHECK(june[0].rank == 5);
    CHECK(june[0].explanation == "县市区排名连续两个月靠后：2016年5月第5名，2016年6月第5名");
    CHECK(june[1].reason == InterviewReason::DepartmentBottomTwice);
    CHECK(june[1].interviewer == "市委组织部");
    // July: C last for the first time, E no longer: nobody.
    CHECK(ComputeInterviews(l, history, YearMonth{2016, 7}).empty());
}

TEST_CASE("interviews: units responsible for overdue approval problems go to 市纪委")
{
    // Q1 (approval, U2, deadline 06-10, open) is overdue at 06-30 but not at 05-31; Q2 is land.
    const Ledger l = SupervisionLedger();
    CHECK(ComputeInterviews(l, {}, YearMonth{2016, 5}).empty());
    std::vector<InterviewEntry> june = ComputeInterviews(l, {}, YearMonth{2016, 6});
    REQUIRE(june.size() == 1);
    CHECK(june[0].reason == InterviewReason::ApprovalOverdue);
    CHECK(june[0].unit_id == "U2");
    CHECK(june[0].unit_name == "市交通局");
    CHECK(june[0].interviewer == "市纪委");
    CHECK(june[0].problem_ids == std::vector<std::string>{"Q1"});
}

TEST_CASE("assessment: quantitative and qualitative scores, deductions, ranked")
{
    // June figures (see the ranking test): D1 58.33, D2 55. Weights 70 / 30; D1's qualitative 90,
    // D2 has none (its quantitative score stands alone). Deduction 2 per overdue problem: Q2 (D2)
    // closed 05-10 after its 05-01 deadline counts; Q3 (D1) closed before its deadline does not.
    //   D1: (70 x 58.33 + 30 x 90) / 100 = 40.83 + 27 = 67.83, no deduction -> 67.83
    //   D2: 55 - 2 = 53
    Ledger l = SupervisionLedger();
    l.settings.assessment.overdue_problem_deduction = 2;
    l.settings.assessment.qualitative_scores = {QualitativeScore{"D1", 90, ExtraFields::object()}};
    Assessment a = ComputeAssessment(l, YearMonth{2016, 6});
    REQUIRE(a.districts.size() == 2);
    const AssessmentEntry& d1 = a.districts[0];
    CHECK(d1.unit_id == "D1");
    CHECK(d1.rank == 1);
    CHECK(d1.quantitative == doctest::Approx(175.0 / 3));
    CHECK(*d1.qualitative == 90);
    CHECK(d1.weighted == doctest::Approx(0.7 * 175.0 / 3 + 27));
    CHECK(d1.overdue_problems == 0);
    CHECK(d1.total == doctest::Approx(0.7 * 175.0 / 3 + 27));
    const AssessmentEntry& d2 = a.districts[1];
    CHECK(d2.unit_id == "D2");
    CHECK(d2.rank == 2);
    CHECK_FALSE(d2.qualitative.has_value());
    CHECK(d2.overdue_problems == 1);
    CHECK(d2.deduction == 2);
    CHECK(d2.total == doctest::Approx(53));
    // U2 owns Q1, open past 06-10: one deduction.
    for (const AssessmentEntry& e : a.departments)
        CHECK(e.overdue_problems == (e.unit_id == "U2" ? 1 : 0));

    // A deduction large enough reorders: D1 qualitative 0 -> 0.7 x 58.33 = 40.83 < 53.
    l.settings.assessment.qualitative_scores[0].score = 0;
    a = ComputeAssessment(l, YearMonth{2016, 6});
    CHECK(a.districts[0].unit_id == "D2");
}

TEST_CASE("campaign calendar: what is due when")
{
    auto names = [](YearMonth m) {
        std::vector<std::string> out;
        for (const CampaignEvent& e : CampaignDue(2016, m))
            out.push_back(e.name);
        return out;
    };
    CHECK(CampaignCalendar(2016).size() == 5);
    CHECK(names(YearMonth{2016, 3}).empty());
    CHECK(names(YearMonth{2016, 4}) == std::vector<std::string>{"动员部署阶段", "月度通报"});
    CHECK(names(YearMonth{2016, 6}) == std::vector<std::string>{"深入实施阶段", "月度通报", "季度调度"});
    CHECK(names(YearMonth{2016, 7}) == std::vector<std::string>{"深入实施阶段", "半年小结", "月度通报"});
    CHECK(names(YearMonth{2016, 10}) == std::vector<std::string>{"深入实施阶段", "十月底攻坚行动", "月度通报"});
    CHECK(names(YearMonth{2017, 2}) == std::vector<std::string>{"考核阶段"});
    CHECK(names(YearMonth{2017, 3}).empty());
}
