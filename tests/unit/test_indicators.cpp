// Indicators on the hand-built ledger of supervision_ledger.h; expected figures worked out by hand
// below. And the demo ledger's totals.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "indicators.h"
#include "ledger_json.h"
#include "supervision_ledger.h"

using namespace kpl;
using kpl_test::SupervisionLedger;

namespace {

using Ids = std::vector<std::string>;

Ids Numerator(const Ledger& l, const Figure& f) { return ProjectIds(l, f.numerator_projects); }
Ids Denominator(const Ledger& l, const Figure& f) { return ProjectIds(l, f.denominator_projects); }

const UnitIndicators& Unit(const std::vector<UnitIndicators>& units, const std::string& id)
{
    for (const UnitIndicators& u : units)
        if (u.id == id)
            return u;
    FAIL("no unit " << id);
    return units.front();
}

} // namespace

TEST_CASE("indicators: 序时进度 by the calendar and from a start month")
{
    IndicatorSettings s;
    // calendar_months: month / 12
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 1}) == doctest::Approx(100.0 / 12));
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 6}) == doctest::Approx(50));
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 9}) == doctest::Approx(75));
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 12}) == doctest::Approx(100));
    // other years: nothing expected before the ledger's year, everything after it
    CHECK(SchedulePercent(s, 2016, YearMonth{2015, 12}) == 0);
    CHECK(SchedulePercent(s, 2016, YearMonth{2017, 1}) == 100);
    // from_month, start April: 9 months April..December; March 0, April 1/9, June 3/9, December 9/9
    s.schedule_basis = ScheduleBasis::FromMonth;
    s.schedule_start_month = 4;
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 3}) == 0);
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 4}) == doctest::Approx(100.0 / 9));
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 6}) == doctest::Approx(100.0 / 3));
    CHECK(SchedulePercent(s, 2016, YearMonth{2016, 12}) == doctest::Approx(100));
}

TEST_CASE("indicators: totals as of June, each with its numerator and denominator lists")
{
    const Ledger l = SupervisionLedger();
    const IndicatorReport r = ComputeIndicators(l, YearMonth{2016, 6});
    const IndicatorSet& t = r.total.set;
    CHECK(r.schedule_percent == doctest::Approx(50));

    // 履约率: milestones of 2016 planned by 06-30: P1-M1 (met 03-08 <= 03-10), P1-M2 (05-25 > 05-20,
    // late), P2-M1 (05-10 > 03-15, late), P3-M1 (05-31 = 05-31, met), P4-M1 (not reached).
    // P1-M3 is planned in August: not due. 2 / 5 = 40%.
    const Figure& ful = t.Get(Indicator::Fulfilment);
    CHECK(ful.numerator == 2);
    CHECK(ful.denominator == 5);
    CHECK(*ful.percent == doctest::Approx(40));
    CHECK(Numerator(l, ful) == Ids{"P1", "P3"});
    CHECK(Denominator(l, ful) == Ids{"P1", "P2", "P3", "P4"});

    // 开工率: planned starts P1 2015-01-01 (start_year), P2 03-15 (开工建设), P3 2014-01-01, P4 02-01
    // (开工): all due. Started: P1, P2 (05-10), P3. 3 / 4 = 75%.
    const Figure& start = t.Get(Indicator::Start);
    CHECK(start.numerator == 3);
    CHECK(start.denominator == 4);
    CHECK(*start.percent == doctest::Approx(75));
    CHECK(Numerator(l, start) == Ids{"P1", "P2", "P3"});
    CHECK(Denominator(l, start) == Ids{"P1", "P2", "P3", "P4"});

    // 资金到位率: P1 the June report 500 of 1000; P2 its field 1500 of 2000; P3 600 of 600; P4 needs
    // nothing. (500 + 1500 + 600) / (1000 + 2000 + 600) = 2600 / 3600 = 72.22%.
    const Figure& funds = t.Get(Indicator::Funds);
    CHECK(funds.numerator == Money::FromWan(2600).Cents());
    CHECK(funds.denominator == Money::FromWan(3600).Cents());
    CHECK(*funds.percent == doctest::Approx(7222.2222 / 100));
    CHECK(Numerator(l, funds) == Ids{"P1", "P2", "P3"});
    CHECK(Denominator(l, funds) == Ids{"P1", "P2", "P3"});

    // 竣工投产率: targets P3 (completed 05-31) and P4. 1 / 2 = 50%.
    const Figure& comp = t.Get(Indicator::Completion);
    CHECK(comp.numerator == 1);
    CHECK(comp.denominator == 2);
    CHECK(Numerator(l, comp) == Ids{"P3"});
    CHECK(Denominator(l, comp) == Ids{"P3", "P4"});

    // 投资完成率: P1 6 x 100 + P2 200 + 400 + P3 5 x 120 = 1800 of 1200 + 2400 + 600 + 1000 = 5200:
    // 34.62%, 15.38 points behind 序时进度 50%.
    const Figure& inv = t.Get(Indicator::Investment);
    CHECK(inv.numerator == Money::FromWan(1800).Cents());
    CHECK(inv.denominator == Money::FromWan(5200).Cents());
    CHECK(*inv.percent == doctest::Approx(100.0 * 1800 / 5200));
    CHECK(*t.InvestmentGapPoints() == doctest::Approx(100.0 * 1800 / 5200 - 50));
    CHECK(Numerator(l, inv) == Ids{"P1", "P2", "P3"});
    CHECK(Denominator(l, inv) == Ids{"P1", "P2", "P3", "P4"});
}

TEST_CASE("indicators: per district, department, city leader and project")
{
    const Ledger l = SupervisionLedger();
    const IndicatorReport r = ComputeIndicators(l, YearMonth{2016, 6});
    REQUIRE(r.districts.size() == 3);
    REQUIRE(r.projects.size() == 4);

    // D1 = P1 + P2: milestones 1 of 3; started 2 of 2; funds 2000 of 3000; no target; invested
    // 1200 of 3600.
    const IndicatorSet& d1 = Unit(r.districts, "D1").set;
    CHECK(d1.Get(Indicator::Fulfilment).numerator == 1);
    CHECK(d1.Get(Indicator::Fulfilment).denominator == 3);
    CHECK(*d1.Get(Indicator::Start).percent == doctest::Approx(100));
    CHECK(*d1.Get(Indicator::Funds).percent == doctest::Approx(200.0 / 3));
    CHECK_FALSE(d1.Get(Indicator::Completion).percent.has_value());
    CHECK(*d1.Get(Indicator::Investment).percent == doctest::Approx(100.0 / 3));

    // D2 = P3 + P4: milestones 1 of 2; started 1 of 2; funds 600 of 600; targets 1 of 2; 600 of 1600.
    const IndicatorSet& d2 = Unit(r.districts, "D2").set;
    CHECK(*d2.Get(Indicator::Fulfilment).percent == doctest::Approx(50));
    CHECK(*d2.Get(Indicator::Start).percent == doctest::Approx(50));
    CHECK(*d2.Get(Indicator::Funds).percent == doctest::Approx(100));
    CHECK(*d2.Get(Indicator::Completion).percent == doctest::Approx(50));
    CHECK(*d2.Get(Indicator::Investment).percent == doctest::Approx(37.5));

    // D3 has no project: every figure empty.
    for (const Figure& f : Unit(r.districts, "D3").set.figures) {
        CHECK_FALSE(f.percent.has_value());
        CHECK(f.denominator_projects.empty());
    }

    // U1 = P1 + P3: invested 600 + 600 of 1200 + 600; U2 = P2 + P4: 600 of 3400.
    CHECK(*Unit(r.departments, "U1").set.Get(Indicator::Investment).percent == doctest::Approx(100.0 * 1200 / 1800));
    CHECK(*Unit(r.departments, "U2").set.Get(Indicator::Investment).percent == doctest::Approx(100.0 * 600 / 3400));
    CHECK(Unit(r.departments, "U2").name == "市交通局");
    // L1 has the same projects as U1.
    CHECK(ProjectIds(l, Unit(r.city_leaders, "L1").set.Get(Indicator::Investment).denominator_projects) == Ids{"P1", "P3"});

    // P4 alone: a due start not made, no investment of its 1000.
    const IndicatorSet& p4 = r.projects[3].set;
    CHECK(p4.Get(Indicator::Start).numerator == 0);
    CHECK(p4.Get(Indicator::Start).denominator == 1);
    CHECK(*p4.Get(Indicator::Investment).percent == doctest::Approx(0));
    CHECK_FALSE(p4.Get(Indicator::Funds).percent.has_value());  // requires no funds
}

TEST_CASE("indicators: earlier months see only what was so by then")
{
    const Ledger l = SupervisionLedger();
    // February: P1's first funds report is for March, so P1 has 0 in place; P2 1500 and P3 600:
    // 2100 / 3600 = 58.33%.
    const IndicatorSet feb = ComputeIndicators(l, YearMonth{2016, 2}).total.set;
    CHECK(feb.Get(Indicator::Funds).numerator == Money::FromWan(2100).Cents());
    CHECK(ProjectIds(l, feb.Get(Indicator::Funds).numerator_projects) == Ids{"P2", "P3"});
    // February: P4 due (02-01) and not started; P2 not due yet (03-15): started P1, P3 of P1, P3, P4.
    CHECK(feb.Get(Indicator::Start).numerator == 2);
    CHECK(feb.Get(Indicator::Start).denominator == 3);
    // March: P2 now due but starts only 05-10: 2 of 4 = 50%.
    const IndicatorSet mar = ComputeIndicators(l, YearMonth{2016, 3}).total.set;
    CHECK(*mar.Get(Indicator::Start).percent == doctest::Approx(50));
    // April: P3 not yet completed (05-31): 0 of 2 targets.
    const IndicatorSet apr = ComputeIndicators(l, YearMonth{2016, 4}).total.set;
    CHECK(apr.Get(Indicator::Completion).numerator == 0);
    CHECK(apr.Get(Indicator::Completion).denominator == 2);
    // April investment: P1 400 + P3 480 = 880 of 5200.
    CHECK(apr.Get(Indicator::Investment).numerator == Money::FromWan(880).Cents());
}

TEST_CASE("indicators: the rules follow settings.indicators")
{
    Ledger l = SupervisionLedger();
    // 5 grace days: P1-M2 reached 05-25 for 05-20 is now on time: 3 of 5.
    l.settings.indicators.milestone_grace_days = 5;
    IndicatorReport r = ComputeIndicators(l, YearMonth{2016, 6});
    CHECK(r.total.set.Get(Indicator::Fulfilment).numerator == 3);
    CHECK(ProjectIds(l, r.total.set.Get(Indicator::Fulfilment).numerator_projects) == Ids{"P1", "P3"});
    // from April: June is 3 of 9 months.
    l.settings.indicators.schedule_basis = ScheduleBasis::FromMonth;
    r = ComputeIndicators(l, YearMonth{2016, 6});
    CHECK(r.schedule_percent == doctest::Approx(100.0 / 3));
    CHECK(r.total.set.schedule_percent == doctest::Approx(100.0 / 3));
}

TEST_CASE("indicators: every figure explains itself in Chinese and English")
{
    const Ledger l = SupervisionLedger();
    const IndicatorReport r = ComputeIndicators(l, YearMonth{2016, 6});
    const IndicatorSettings& s = l.settings.indicators;
    CHECK(ExplainFigure(r.total.set.Get(Indicator::Fulfilment), s, Language::Chinese) ==
          "履约率 = 截至2016年6月底按期完成的节点 2 个 ÷ 本年计划于2016年6月底前完成的节点 5 个 = 40.00%（宽限 0 天）");
    const std::string inv = ExplainFigure(r.total.set.Get(Indicator::Investment), s, Language::Chinese);
    CHECK(inv.find("完成投资 1800 万元 ÷ 年度计划投资 5200 万元 = 34.62%") != std::string::npos);
    CHECK(inv.find("序时进度 50.00%") != std::string::npos);
    const std::string en = ExplainFigure(r.total.set.Get(Indicator::Funds), s, Language::English);
    CHECK(en.find("2600 万元 / funds required 3600 万元 = 72.22%") != std::string::npos);
    // An empty denominator shows a dash, not a division by zero.
    CHECK(ExplainFigure(ComputeIndicators(l, YearMonth{2016, 6}).districts[2].set.Get(Indicator::Start), s,
                        Language::Chinese)
              .find("= —") != std::string::npos);
}

TEST_CASE("indicators: problem standing at a day")
{
    const Ledger l = SupervisionLedger();
    const Problem& q2 = l.problems[1];  // assigned 04-01, deadline 05-01, closed out 05-10
    CHECK_FALSE(ProblemStandingAt(q2, Date{2016, 3, 31}).assigned);
    CHECK_FALSE(ProblemStandingAt(q2, Date{2016, 4, 30}).overdue);
    CHECK(ProblemStandingAt(q2, Date{2016, 5, 9}).overdue);
    ProblemStanding closed = ProblemStandingAt(q2, Date{2016, 5, 31});
    CHECK(closed.closed);
    CHECK_FALSE(closed.overdue);
    CHECK(*closed.closed_on == Date{2016, 5, 10});
}

TEST_CASE("indicators: the demo ledger's totals")
{
    std::ifstream in(KPL_DEMO_LEDGER, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    LoadResult loaded = LoadLedger(bytes.str());
    REQUIRE(loaded.ok());
    const Ledger& l = *loaded.ledger;
    const IndicatorReport r = ComputeIndicators(l, YearMonth{2016, 9});
    CHECK(r.projects.size() == 153);
    // the plan's own figures: 153 projects, 59 to complete, 73.65亿元 = 736,500万元
    CHECK(r.total.set.Get(Indicator::Completion).denominator == 59);
    CHECK(r.total.set.Get(Indicator::Investment).denominator == Money::FromWan(736500).Cents());
    CHECK(r.total.set.Get(Indicator::Investment).denominator_projects.size() == 153);
    // The units' sums are the total's.
    int64_t plan = 0;
    for (const UnitIndicators& d : r.districts)
        plan += d.set.Get(Indicator::Investment).denominator;
    CHECK(plan == Money::FromWan(736500).Cents());
    int64_t targets = 0;
    for (const UnitIndicators& d : r.departments)
        targets += d.set.Get(Indicator::Completion).denominator;
    CHECK(targets == 59);
}

TEST_CASE("indicators: settings.indicators and settings.assessment come from the file")
{
    // tests/data/unit/good.json sets from_month (April), 5 grace days, weights 60/40, deduction 0.5
    // and one qualitative score.
    std::ifstream in(std::string(KPL_TEST_DATA_DIR) + "/good.json", std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    LoadResult r = LoadLedger(bytes.str());
    REQUIRE(r.ok());
    const Settings& s = r.ledger->settings;
    CHECK(s.indicators.schedule_basis == ScheduleBasis::FromMonth);
    CHECK(s.indicators.schedule_start_month == 4);
    CHECK(s.indicators.milestone_grace_days == 5);
    CHECK(s.warnings.funds_red_percent == 100);
    CHECK(s.assessment.quantitative_weight == 60);
    CHECK(s.assessment.qualitative_weight == 40);
    CHECK(s.assessment.overdue_problem_deduction == 0.5);
    REQUIRE(s.assessment.qualitative_scores.size() == 1);
    CHECK(s.assessment.qualitative_scores[0].unit_id == "D-LL");
    CHECK(s.assessment.qualitative_scores[0].score == 88.5);

    // Absent sections take the defaults; a wrong value is an error at its path.
    std::string text = bytes.str();
    const std::size_t at = text.find("\"schedule_basis\": \"from_month\"");
    REQUIRE(at != std::string::npos);
    LoadResult bad = LoadLedger(text.replace(at, 30, "\"schedule_basis\": \"weekly\""));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors[0].path == "settings.indicators.schedule_basis");
    CHECK(Settings().indicators.schedule_basis == ScheduleBasis::CalendarMonths);
    CHECK(Settings().assessment.qualitative_scores.empty());
}
