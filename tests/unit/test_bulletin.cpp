// The monthly bulletin, the quarterly dispatch and their exports, on the hand-built ledger of
// supervision_ledger.h and on the demo ledger.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "bulletin.h"
#include "ledger_json.h"
#include "supervision_ledger.h"

using namespace kpl;
using namespace kpl_test;

namespace {

std::vector<std::string> LineIds(const std::vector<ProblemLine>& lines)
{
    std::vector<std::string> out;
    for (const ProblemLine& l : lines)
        out.push_back(l.id);
    return out;
}

Ledger DemoLedger()
{
    std::ifstream in(KPL_DEMO_LEDGER, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    LoadResult loaded = LoadLedger(bytes.str());
    REQUIRE(loaded.ok());
    return std::move(*loaded.ledger);
}

} // namespace

TEST_CASE("bulletin: June of the hand-built ledger")
{
    const Ledger l = SupervisionLedger();
    Bulletin b = BuildBulletin(l, YearMonth{2016, 6});
    CHECK(b.number == 6);
    CHECK(b.date == Date{2016, 6, 30});
    CHECK(b.title == "重点项目建设工作通报");
    CHECK(b.issuing_unit == "项目竣工攻坚组办公室");
    // Q3 assigned 06-05 and closed out 06-18; Q1 overdue since 06-10: 20 days at 06-30; Q2 was closed
    // in May.
    CHECK(LineIds(b.assigned) == std::vector<std::string>{"Q3"});
    CHECK(LineIds(b.closed) == std::vector<std::string>{"Q3"});
    REQUIRE(LineIds(b.overdue) == std::vector<std::string>{"Q1"});
    CHECK(b.overdue[0].days_overdue == 20);
    CHECK(b.overdue[0].unit_name == "市交通局");
    // Red in June: P4 (late start, nothing invested, Q1 overdue). P2: 600 of 2400 = 25% vs 50:
    // 25 behind: yellow; funds 1500 >= 2000 x 50%. P1: 600 of 1200 = 50%: on schedule; funds
    // 500 >= 1000 x 50%: green by the rules, but in May its funds were the March report's 300 <
    // 1000 x 41.67%: red, so June shows yellow. P3 completed: green.
    REQUIRE(b.red.size() == 1);
    CHECK(b.red[0].project_id == "P4");
    REQUIRE(b.yellow.size() == 2);
    CHECK(b.yellow[0].project_id == "P1");
    CHECK(b.yellow[0].reasons == "上月为红色预警，本月各项已达标，先降为黄色");
    CHECK(b.yellow[1].project_id == "P2");
    CHECK(b.yellow[1].reasons == "投资完成率 25.00% 落后序时进度 50.00% 25.00 个百分点");
    // the overview carries the key figures (1800 of 5200万元 = 34.62%, 序时进度 50%)
    CHECK(b.overview.find("本年累计完成投资1,800.00万元（0.18亿元），占年度计划投资5,200.00万元（0.52亿元）的34.62%，序时进度50.00%，"
                          "落后序时进度15.38个百分点") != std::string::npos);
    CHECK(b.overview.find("红色预警项目1个，黄色预警项目2个。本月新交办问题1个，销号1个，超期未销号1个。") != std::string::npos);
    // interviews: U2 (P2 + P4) is second of the two departments in May and in June, and with
    // bottom_n 3 the second of two is 靠后 (the first never is): 市委组织部. May: investment
    // 200 of 3400 = 5.88%, start 1 of 2, funds 1500 of 2000, targets 0 of 1:
    // 40 x 0.0588 + 10 + 15 + 0 = 27.35 against U1's 75.69. And U2 again for Q1: 市纪委.
    REQUIRE(b.interviews.size() == 2);
    CHECK(b.interviews[0].unit_id == "U2");
    CHECK(b.interviews[0].interviewer == "市委组织部");
    CHECK(b.interviews[1].unit_id == "U2");
    CHECK(b.interviews[1].interviewer == "市纪委");
    // D2 is second of two in June but was first in May (55 against D1's 49.72): not interviewed.
    CHECK(b.rankings.districts.Find("D2")->bottom);
}

TEST_CASE("bulletin: a past month regenerates the same after later reports are added")
{
    Ledger l = SupervisionLedger();
    const Bulletin before = BuildBulletin(l, YearMonth{2016, 6});
    const std::string html_before = BulletinHtml(before, l);
    const std::string csv_before = BulletinCsv(before, l);
    // July arrives: reports with investment and funds, a milestone reached, a new problem. (P2's
    // reports never carried funds, so its July report does not either: see docs/indicators.md.)
    l.projects[0].reports.push_back(SvReport(7, 300, 900));
    l.projects[1].reports.push_back(SvReport(7, 500));
    l.projects[0].milestones[2].actual = Date{2016, 7, 20};
    l.problems.push_back(SvProblem("Q4", "P2", ProblemCategory::Power, "U2", Date{2016, 7, 3}, Date{2016, 7, 30},
                                   std::nullopt));
    const Bulletin after = BuildBulletin(l, YearMonth{2016, 6});
    CHECK(BulletinHtml(after, l) == html_before);
    CHECK(BulletinCsv(after, l) == csv_before);
    // ...while July itself sees them.
    CHECK(BuildBulletin(l, YearMonth{2016, 7}).overview != before.overview);
}

TEST_CASE("bulletin: HTML is a self-contained official layout")
{
    const Ledger l = SupervisionLedger();
    const std::string html = BulletinHtml(BuildBulletin(l, YearMonth{2016, 6}), l);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<div class=\"masthead\">重点项目建设工作通报</div>") != std::string::npos);
    CHECK(html.find("color: #c00") != std::string::npos);
    CHECK(html.find("第6期") != std::string::npos);
    CHECK(html.find("2016年6月30日") != std::string::npos);
    CHECK(html.find("@page { size: A4;") != std::string::npos);
    CHECK(html.find("page-break-before: always") != std::string::npos);
    CHECK(html.find("FangSong") != std::string::npos);
    // nothing fetched from elsewhere
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
}

TEST_CASE("bulletin: text is escaped in HTML and quoted in CSV")
{
    CHECK(HtmlEscape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(CsvField("plain") == "plain");
    CHECK(CsvField("a,b") == "\"a,b\"");
    CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(CsvField("two\nlines") == "\"two\nlines\"");
    CHECK(CsvField(" padded") == "\" padded\"");
    Ledger l = SupervisionLedger();
    l.projects[1].name = "<b>\"湘江\", 一期</b>";
    const Bulletin b = BuildBulletin(l, YearMonth{2016, 6});
    CHECK(BulletinHtml(b, l).find("&lt;b&gt;&quot;湘江&quot;, 一期&lt;/b&gt;") != std::string::npos);
    CHECK(BulletinCsv(b, l).find(",\"<b>\"\"湘江\"\", 一期</b>\",") != std::string::npos);
}

TEST_CASE("bulletin: CSV with BOM, CRLF, plain numbers")
{
    const Ledger l = SupervisionLedger();
    const std::string csv = BulletinCsv(BuildBulletin(l, YearMonth{2016, 6}), l);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.rfind("\xEF\xBB\xBF重点项目建设工作通报,第6期,项目竣工攻坚组办公室,2016-06-30,2016-06\r\n", 0) == 0);
    // every line ends CRLF: no bare LF outside quoted fields (none of this ledger's texts has one)
    for (std::size_t i = csv.find('\n'); i != std::string::npos; i = csv.find('\n', i + 1))
        CHECK(csv[i - 1] == '\r');
    // the total row: plan 5200, done 1800, 34.62%, 序时进度 50, 履约率 40, 开工率 75, 资金 72.22, 竣工 50
    CHECK(csv.find("\r\n,合计,5200,1800,34.62,50.00,40.00,75.00,72.22,50.00\r\n") != std::string::npos);
    // the district ranking: D1 58.33 first
    CHECK(csv.find("\r\n1,D1,芦淞区,16.67,25.00,16.67,0.00,58.33,否\r\n") != std::string::npos);
}

TEST_CASE("dispatch: the second quarter per responsible unit")
{
    // Q2 (D2) assigned 04-01, closed 05-10; Q3 (D1) assigned and closed in June; Q1 (U2) assigned
    // 05-01, open, overdue since 06-10.
    const Ledger l = SupervisionLedger();
    Dispatch d = BuildDispatch(l, 2016, 2);
    CHECK(d.first == YearMonth{2016, 4});
    CHECK(d.last == YearMonth{2016, 6});
    REQUIRE(d.units.size() == 3);
    CHECK(d.units[0].unit_id == "D1");
    CHECK(d.units[0].assigned == 1);
    CHECK(d.units[0].closed == 1);
    CHECK(d.units[1].unit_id == "D2");
    CHECK(d.units[1].assigned == 1);
    CHECK(d.units[1].closed == 1);
    CHECK(d.units[1].overdue == 0);
    CHECK(d.units[2].unit_id == "U2");
    CHECK(d.units[2].assigned == 1);
    CHECK(d.units[2].closed == 0);
    CHECK(d.units[2].overdue == 1);
    CHECK(d.units[2].open == 1);
    CHECK(LineIds(d.meeting_list) == std::vector<std::string>{"Q1"});
    // First quarter: nothing assigned yet.
    CHECK(BuildDispatch(l, 2016, 1).units.empty());
    const std::string csv = DispatchCsv(d);
    CHECK(csv.rfind("\xEF\xBB\xBF季度调度,2016年第2季度", 0) == 0);
    CHECK(csv.find("\r\nU2,市交通局,1,0,1,1\r\n") != std::string::npos);
}

TEST_CASE("bulletin: the demo ledger in September")
{
    const Ledger l = DemoLedger();
    Bulletin b = BuildBulletin(l, YearMonth{2016, 9});
    CHECK(b.overview.find("全市153个重点续建项目") != std::string::npos);
    CHECK(b.overview.find("占年度计划投资736,500.00万元（73.65亿元）") != std::string::npos);
    CHECK(b.overview.find("59个年度竣工目标项目") != std::string::npos);
    CHECK(b.rankings.districts.entries.size() == 10);
    CHECK(b.rankings.departments.entries.size() == 11);
    // Every interview for a ranking was at the bottom in August and in September.
    const MonthRankings august = ComputeRankings(l, YearMonth{2016, 8});
    for (const InterviewEntry& e : b.interviews) {
        if (e.reason == InterviewReason::ApprovalOverdue)
            continue;
        const Ranking& now = e.reason == InterviewReason::DistrictBottomTwice ? b.rankings.districts : b.rankings.departments;
        const Ranking& before = e.reason == InterviewReason::DistrictBottomTwice ? august.districts : august.departments;
        CHECK(now.Find(e.unit_id)->bottom);
        CHECK(before.Find(e.unit_id)->bottom);
    }
    const std::string csv = BulletinCsv(b, l);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find(",合计,736500,") != std::string::npos);
    // Past-month stability on real data: September again from a ledger cut back to September's
    // reports is the same.
    Ledger cut = l;
    for (Project& p : cut.projects) {
        std::vector<MonthlyReport> kept;
        for (const MonthlyReport& r : p.reports)
            if (r.month <= YearMonth{2016, 9})
                kept.push_back(r);
        p.reports = kept;
    }
    CHECK(BulletinCsv(BuildBulletin(cut, YearMonth{2016, 9}), cut) == csv);
}

TEST_CASE("assessment: CSV export")
{
    // As in the ranking test: D1 67.83 (58.33 quantitative, 90 qualitative), D2 55 - 2 = 53.
    Ledger l = SupervisionLedger();
    l.settings.assessment.overdue_problem_deduction = 2;
    l.settings.assessment.qualitative_scores = {QualitativeScore{"D1", 90, ExtraFields::object()}};
    const std::string csv = AssessmentCsv(ComputeAssessment(l, YearMonth{2016, 6}));
    // the heading row, an empty row, then each group as a titled section
    CHECK(csv.rfind("\xEF\xBB\xBF年度考核,2016-06\r\n\r\n县市区\r\n", 0) == 0);
    CHECK(csv.find("\r\n1,D1,芦淞区,58.33,90.00,67.83,0,0.00,67.83\r\n") != std::string::npos);
    CHECK(csv.find("\r\n2,D2,醴陵市,55.00,,55.00,1,2.00,53.00\r\n") != std::string::npos);
}

TEST_CASE("tables: the bulletin's tables carry numbers as numbers")
{
    const Ledger l = SupervisionLedger();
    const std::vector<Table> tables = BulletinTables(BuildBulletin(l, YearMonth{2016, 6}));
    REQUIRE(tables.size() == 11);
    CHECK(tables[0].title == "合计");
    REQUIRE(tables[0].rows.size() == 1);
    const std::vector<TableCell>& total = tables[0].rows[0];
    // plan 5200万元, done 1800万元: 1800 / 5200 = 34.615...%
    REQUIRE(total[2].number.has_value());
    CHECK(*total[2].number == doctest::Approx(5200));
    CHECK(total[2].text == "5200");
    CHECK(*total[3].number == doctest::Approx(1800));
    CHECK(*total[4].number == doctest::Approx(34.615).epsilon(0.0001));
    CHECK(total[4].text == "34.62");
    CHECK_FALSE(total[1].number.has_value());  // the name stays text
    // the district ranking: D1 first with 16.67 + 25 + 16.67 + 0 = 58.33
    CHECK(tables[3].title == "县市区排名");
    CHECK(*tables[3].rows[0][0].number == 1);
    CHECK(*tables[3].rows[0][7].number == doctest::Approx(58.33).epsilon(0.001));
    // the overdue list: Q1, 20 days (deadline 06-10, month end 06-30)
    CHECK(tables[9].title == "超期未销号问题");
    CHECK(*tables[9].rows[0][9].number == 20);
    // A rate without a denominator is an empty text cell, not a zero.
    TableCell empty;
    CHECK_FALSE(empty.number.has_value());
}

TEST_CASE("dispatch: tables and CSV sections")
{
    const Ledger l = SupervisionLedger();
    const Dispatch d = BuildDispatch(l, 2016, 2);
    CHECK(d.issuing_unit == "项目竣工攻坚组办公室");
    CHECK(d.date == Date{2016, 6, 30});
    const std::vector<Table> tables = DispatchTables(d);
    REQUIRE(tables.size() == 2);
    CHECK(tables[0].rows.size() == 3);
    CHECK(*tables[0].rows[2][2].number == 1);  // U2: assigned 1 (column 本季交办)
    CHECK(tables[1].title == "调度会议问题清单");
    const std::string csv = DispatchCsv(d);
    CHECK(csv.rfind("\xEF\xBB\xBF季度调度,2016年第2季度,2016-04,2016-06,项目竣工攻坚组办公室,2016-06-30\r\n\r\n"
                    "各责任单位问题办理情况\r\n单位编号,责任单位,本季交办,本季销号,季末超期,季末未销号\r\n",
                    0) == 0);
    CHECK(csv.find("\r\n调度会议问题清单\r\n") != std::string::npos);
}

TEST_CASE("dispatch: HTML official layout")
{
    const Ledger l = SupervisionLedger();
    const std::string html = DispatchHtml(BuildDispatch(l, 2016, 2), l);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<div class=\"masthead\">重点项目季度调度</div>") != std::string::npos);
    CHECK(html.find("<span>2016年第2季度</span>") != std::string::npos);
    CHECK(html.find("<span>项目竣工攻坚组办公室</span><span>2016年6月30日</span>") != std::string::npos);
    CHECK(html.find("@page { size: A4;") != std::string::npos);
    CHECK(html.find("page-break-before: always") != std::string::npos);
    // D1 and D2 one assigned and one closed each, U2 one assigned and still open, overdue: 3 assigned,
    // 2 closed, 1 open of which 1 overdue.
    CHECK(html.find("2016年4月至2016年6月，共交办问题3个，销号2个；季末未销号1个，其中超期1个。") != std::string::npos);
    CHECK(html.find("<td>市交通局</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">1</td>") !=
          std::string::npos);
    // the meeting list: Q1, 20 days overdue; unit IDs are left out of the printed tables
    CHECK(html.find("<td>Q1</td>") != std::string::npos);
    CHECK(html.find("<td class=\"n\">20</td>") != std::string::npos);
    CHECK(html.find("<td>U2</td>") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
}

TEST_CASE("assessment: HTML official layout")
{
    // As in the CSV test: D1 67.83, D2 55 - 2 = 53.
    Ledger l = SupervisionLedger();
    l.settings.assessment.overdue_problem_deduction = 2;
    l.settings.assessment.qualitative_scores = {QualitativeScore{"D1", 90, ExtraFields::object()}};
    const std::string html = AssessmentHtml(ComputeAssessment(l, YearMonth{2016, 6}), l);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<div class=\"masthead\">重点项目竣工攻坚年度考核结果</div>") != std::string::npos);
    CHECK(html.find("<span>2016年度</span>") != std::string::npos);
    CHECK(html.find("2016年6月30日") != std::string::npos);
    CHECK(html.find("权重70.00") != std::string::npos);
    CHECK(html.find("扣2.00分") != std::string::npos);
    CHECK(html.find("<td class=\"n\">1</td><td>芦淞区</td><td class=\"n\">58.33</td><td class=\"n\">90.00</td>"
                    "<td class=\"n\">67.83</td><td class=\"n\">0</td><td class=\"n\">0.00</td><td class=\"n\">67.83</td>") !=
          std::string::npos);
    // D2 has no qualitative score: an empty cell
    CHECK(html.find("<td>醴陵市</td><td class=\"n\">55.00</td><td></td>") != std::string::npos);
    CHECK(html.find("<h2>二、服务责任部门</h2>") != std::string::npos);
    CHECK(html.find("page-break-before: always") != std::string::npos);
}
