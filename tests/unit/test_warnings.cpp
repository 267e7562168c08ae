// Warning colours month by month on one-project ledgers whose figures are worked out by hand below,
// with the default rules: behind 序时进度 by more than 10 points yellow, more than 30 red; late start
// yellow from the planned month, red 3 months later; funds below requirement x 序时进度 red;
// problem overdue red, due within 7 days yellow.
#include <doctest/doctest.h>

#include "supervision_ledger.h"
#include "warnings.h"

using namespace kpl;
using namespace kpl_test;

namespace {

// The colours of project 0 for January .. `through`, as a string of G/Y/R.
std::string Colours(const Ledger& l, int through)
{
    WarningHistory h = ComputeWarningHistory(l, YearMonth{2016, through});
    std::string out;
    for (const MonthWarnings& m : h.months)
        out += "GYR"[static_cast<int>(m.projects[0].colour)];
    return out;
}

std::string RuleColours(const Ledger& l, int through)
{
    WarningHistory h = ComputeWarningHistory(l, YearMonth{2016, through});
    std::string out;
    for (const MonthWarnings& m : h.months)
        out += "GYR"[static_cast<int>(m.projects[0].rule_colour)];
    return out;
}

// A started project that owes nothing and has no funds requirement: green unless a test adds a cause.
Ledger OneProject(int64_t plan_wan, int64_t funds_required_wan)
{
    Ledger l = SvBase();
    Project p = SvProject("W1", "D1", "U1", "L1", plan_wan, funds_required_wan);
    p.start_year = 2015;
    p.actual_start = Date{2015, 1, 1};
    l.projects.push_back(p);
    return l;
}

} // namespace

TEST_CASE("warnings: behind 序时进度, and a red project steps down through yellow")
{
    // plan 1200; 序时进度 month m = 100m/12 = 8.33m%. Investment Jan 100, Jun 400, Jul 200:
    //   Jan 100 = 8.33% vs 8.33: 0 behind          G
    //   Feb 8.33% vs 16.67: 8.33 behind (<= 10)     G
    //   Mar 8.33% vs 25: 16.67 behind               Y
    //   Apr 8.33% vs 33.33: 25 behind               Y
    //   May 8.33% vs 41.67: 33.33 behind (> 30)     R
    //   Jun 500 = 41.67% vs 50: 8.33 behind: rules G, shown Y (red last month)
    //   Jul 700 = 58.33% vs 58.33: 0 behind         G
    Ledger l = OneProject(1200, 0);
    l.projects[0].reports = {SvReport(1, 100), SvReport(6, 400), SvReport(7, 200)};
    CHECK(RuleColours(l, 7) == "GGYYRGG");
    CHECK(Colours(l, 7) == "GGYYRYG");

    WarningHistory h = ComputeWarningHistory(l, YearMonth{2016, 7});
    const ProjectWarning& may = h.For(YearMonth{2016, 5})->projects[0];
    REQUIRE(may.reasons.size() == 1);
    CHECK(may.reasons[0].rule == WarningRule::BehindSchedule);
    CHECK(ReasonText(may.reasons[0], Language::Chinese) == "投资完成率 8.33% 落后序时进度 41.67% 33.33 个百分点");
    const ProjectWarning& jun = h.For(YearMonth{2016, 6})->projects[0];
    REQUIRE(jun.reasons.size() == 1);
    CHECK(jun.reasons[0].rule == WarningRule::CatchingUp);
    CHECK(ReasonText(may.reasons[0], Language::English) ==
          "investment 8.33% is 33.33 points behind the schedule 41.67%");
    CHECK(h.For(YearMonth{2016, 6})->Count(WarningColour::Yellow) == 1);
    CHECK(h.For(YearMonth{2016, 8}) == nullptr);
}

TEST_CASE("warnings: a red project that is only yellow by the rules stays yellow, not red")
{
    // Jan 0 of 1200 vs 8.33: G. Feb vs 16.67: Y. Mar 25: Y. Apr 33.33 behind: R.
    // May: 300 = 25% vs 41.67: 16.67 behind: Y (the rules say yellow; no hysteresis needed).
    Ledger l = OneProject(1200, 0);
    l.projects[0].reports = {SvReport(5, 300)};
    CHECK(Colours(l, 5) == "GYYRY");
}

TEST_CASE("warnings: not started in the planned month yellow, three months later red")
{
    // "开工" planned 2016-03-15, never started, no plan or funds: Jan, Feb G; Mar (0 months late),
    // Apr (1), May (2) Y; Jun (3) R.
    Ledger l = OneProject(0, 0);
    Project& p = l.projects[0];
    p.actual_start.reset();
    p.status = ProjectStatus::NotStarted;
    p.milestones = {SvMilestone("W1-M1", "开工", Date{2016, 3, 15}, std::nullopt)};
    CHECK(Colours(l, 6) == "GGYYYR");
    // Started in July: the rules say green, but June was red: yellow in July, green in August.
    p.actual_start = Date{2016, 7, 2};
    p.status = ProjectStatus::UnderConstruction;
    CHECK(Colours(l, 8) == "GGYYYRYG");
}

TEST_CASE("warnings: funds in place below the requirement to date")
{
    // required 1200, 600 in place: due by month m 1200 x m / 12 = 100m; 600 < 100m from July.
    Ledger l = OneProject(0, 1200);
    l.projects[0].funds_in_place = Money::FromWan(600);
    CHECK(Colours(l, 7) == "GGGGGGR");
    // funds_red_percent 50: red only below 50m, i.e. never before December (600 < 600 is false).
    l.settings.warnings.funds_red_percent = 50;
    CHECK(Colours(l, 12) == "GGGGGGGGGGGG");
}

TEST_CASE("warnings: assigned problems due soon yellow, overdue red")
{
    // Problem assigned 04-10, deadline 05-05, closed out 06-03. At 04-30 it is due in 5 days: Y;
    // at 05-31 overdue: R; at 06-30 closed: rules G, shown Y; July G.
    Ledger l = OneProject(0, 0);
    l.problems = {SvProblem("Q9", "W1", ProblemCategory::Power, "U1", Date{2016, 4, 10}, Date{2016, 5, 5},
                            Date{2016, 6, 3})};
    CHECK(Colours(l, 7) == "GGGYRYG");
    // Deadline 05-08: 8 days after 04-30, beyond the 7 days: April green.
    l.problems[0].deadline = Date{2016, 5, 8};
    CHECK(Colours(l, 4) == "GGGG");
    WarningHistory h = ComputeWarningHistory(l, YearMonth{2016, 5});
    const ProjectWarning& may = h.months[4].projects[0];
    REQUIRE(may.reasons.size() == 1);
    CHECK(may.reasons[0].problem_id == "Q9");
    CHECK(ReasonText(may.reasons[0], Language::Chinese) == "交办问题 Q9 已超期 23 天（期限 2016-05-08）");
}

TEST_CASE("warnings: several causes: the worst colour wins and every reason is listed")
{
    // SupervisionLedger, June: P4 "开工" 02-01 not started: 4 months late: R; plan 1000 nothing
    // invested, 50 behind: R; Q1 overdue (06-10): R. Three reasons.
    const Ledger l = SupervisionLedger();
    WarningHistory h = ComputeWarningHistory(l, YearMonth{2016, 6});
    const ProjectWarning& p4 = h.months.back().projects[3];
    CHECK(p4.colour == WarningColour::Red);
    CHECK(p4.reasons.size() == 3);
    // P3 completed 05-31 owes nothing more: green.
    CHECK(h.months.back().projects[2].colour == WarningColour::Green);
}
