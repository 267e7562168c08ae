// Record validation on typed records (validate.h): the rules the loader and the editor share, with
// paths relative to the record for the editor, and the loader giving the same messages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ledger_json.h"
#include "test_ledgers.h"
#include "test_support.h"
#include "validate.h"

using namespace kpl;
using kpl_test::Describe;
using kpl_test::SmallLedger;
using Json = nlohmann::ordered_json;

namespace {

// The one finding at `path` in `list` (there must be exactly one there).
const Diagnostic& At(const std::vector<Diagnostic>& list, const std::string& path)
{
    INFO("looking for " << path << " in\n" << Describe(list));
    const Diagnostic* found = nullptr;
    int count = 0;
    for (const Diagnostic& d : list)
        if (d.path == path) {
            found = &d;
            ++count;
        }
    REQUIRE(count == 1);
    return *found;
}

ValidateOptions Self(int index)
{
    ValidateOptions o;
    o.self_index = index;
    return o;
}

} // namespace

TEST_CASE("validate: the hand-built ledger is valid, has no warnings and survives a save and load")
{
    Ledger l = SmallLedger();
    Findings f = ValidateLedger(l);
    CHECK_MESSAGE(f.errors.empty(), Describe(f.errors));
    CHECK_MESSAGE(f.warnings.empty(), Describe(f.warnings));
    std::string saved = SaveLedger(l);
    LoadResult r = LoadLedger(saved);
    REQUIRE_MESSAGE(r.ok(), Describe(r.errors));
    CHECK(r.warnings.empty());
    CHECK(SaveLedger(*r.ledger) == saved);
    for (std::size_t i = 0; i < l.projects.size(); ++i) {
        Findings p = ValidateProject(l, l.projects[i], "", Self(static_cast<int>(i)));
        CHECK_MESSAGE(p.empty(), Describe(p.errors) << Describe(p.warnings));
    }
    for (std::size_t i = 0; i < l.problems.size(); ++i)
        CHECK(ValidateProblem(l, l.problems[i], "", Self(static_cast<int>(i))).empty());
    CHECK(ValidateMeta(l.meta, "meta").empty());
    CHECK(ValidateSettings(l.settings, "settings").empty());
}

TEST_CASE("validate project: errors per field, with paths relative to the record")
{
    const Ledger l = SmallLedger();
    Project p = l.projects[0];
    p.plan = Money::FromWan(-5);
    p.funds_in_place = Money::FromCents(-50);
    p.start_year = 0;
    p.district_id = "D9";
    p.department_id = "";
    p.city_leader_id = "L9";
    p.reports[1].percent_complete = 120;
    p.reports[2].investment = Money::FromWan(-1);
    p.milestones[1].planned = Date{2016, 2, 30};
    Findings f = ValidateProject(l, p, "", Self(0));
    CHECK(At(f.errors, "plan_wan").message_zh == "金额不能为负数，实际为 -5");
    CHECK(At(f.errors, "plan_wan").message_en == "money must not be negative, got -5");
    CHECK(At(f.errors, "funds_in_place_wan").message_zh == "金额不能为负数，实际为 -0.5");
    CHECK(At(f.errors, "start_year").message_zh == "应在 1900 到 2100 之间，实际为 0");
    CHECK(At(f.errors, "district_id").message_zh == "引用的区县 \"D9\" 不存在");
    CHECK(At(f.errors, "district_id").message_en == "refers to district \"D9\", which does not exist");
    CHECK(At(f.errors, "department_id").message_zh == "引用的 ID 不能为空");
    CHECK(At(f.errors, "city_leader_id").message_zh == "引用的市级领导 \"L9\" 不存在");
    CHECK(At(f.errors, "reports[1].percent_complete").message_zh == "应在 0 到 100 之间，实际为 120");
    CHECK(At(f.errors, "reports[2].investment_wan").message_zh == "金额不能为负数，实际为 -1");
    CHECK(At(f.errors, "milestones[1].planned").message_zh == "日期不存在：\"2016-02-30\"");
    CHECK(f.errors.size() == 9);

    // The editor asks per field; "reports" with nested findings gives both report errors.
    CHECK(f.ErrorsAt("plan_wan").size() == 1);
    CHECK(f.ErrorsAt("plan").empty());
    CHECK(f.ErrorsAt("reports").empty());
    CHECK(f.ErrorsAt("reports", true).size() == 2);
    CHECK(f.ErrorsAt("reports[1]", true).size() == 1);

    // The same record under a prefix gives the file's paths.
    Findings full = ValidateProject(l, p, "projects[0]", Self(0));
    CHECK(full.errors.size() == 9);
    CHECK(At(full.errors, "projects[0].reports[1].percent_complete").message_en == "must be between 0 and 100, got 120");
}

TEST_CASE("validate project: IDs")
{
    const Ledger l = SmallLedger();
    Project p = l.projects[0];
    SUBCASE("the draft takes another project's ID")
    {
        p.id = "P002";
        Findings f = ValidateProject(l, p, "", Self(0));
        CHECK(At(f.errors, "id").message_zh == "ID \"P002\" 重复，已用于 projects[1]");
        // As a new record, its own ID counts too.
        Project copy = l.projects[0];
        CHECK(At(ValidateProject(l, copy, "").errors, "id").message_en == "duplicate ID \"P001\", already used by projects[0]");
    }
    SUBCASE("invalid ID")
    {
        p.id = "P 1";
        Findings f = ValidateProject(l, p, "", Self(0));
        CHECK(At(f.errors, "id").message_zh ==
              "ID \"P 1\" 无效：只能由字母、数字和 _ . - 组成，以字母或数字开头，最长 64 个字符");
    }
    SUBCASE("milestone IDs: twice in the draft, or a new one used by another project")
    {
        p.milestones.push_back(kpl_test::TestMilestoneFor("P001-M1"));
        p.milestones.push_back(kpl_test::TestMilestoneFor("P003-X"));
        Ledger other = l;
        other.projects[2].milestones.push_back(kpl_test::TestMilestoneFor("P003-X"));
        Findings f = ValidateProject(other, p, "", Self(0));
        CHECK(At(f.errors, "milestones[2].id").message_zh == "ID \"P001-M1\" 重复，已用于 milestones[0]");
        CHECK(At(f.errors, "milestones[3].id").message_zh == "ID \"P003-X\" 重复，已用于 projects[2].milestones[0]");
        CHECK(f.errors.size() == 2);
    }
}

TEST_CASE("validate project: report months")
{
    const Ledger l = SmallLedger();
    Project p = l.projects[0];
    p.reports[2].month = YearMonth{2016, 4};
    p.reports.push_back(MonthlyReport{});   // no month yet
    Findings f = ValidateProject(l, p, "", Self(0));
    CHECK(At(f.errors, "reports[2].month").message_zh == "月份 2016-04 的月报重复，已见于 reports[0]");
    CHECK(At(f.errors, "reports[3].month").message_zh == "缺少必填字段");
    CHECK(f.errors.size() == 2);
}

TEST_CASE("validate project: warnings")
{
    const Ledger l = SmallLedger();
    SUBCASE("completed more than the total investment")
    {
        Project p = l.projects[0];
        p.completed_before_year = Money::FromWan(14000);   // 14000 + 1500 > 15000
        Findings f = ValidateProject(l, p, "", Self(0));
        CHECK(f.errors.empty());
        CHECK(At(f.warnings, "total_investment_wan").message_zh ==
              "累计完成投资 15500 万元（往年 14000 + 今年 1500）超过总投资 15000 万元");
    }
    SUBCASE("funds in place above the funds required")
    {
        Project p = l.projects[0];
        p.funds_in_place = Money::FromWan(3500);
        CHECK(At(ValidateProject(l, p, "", Self(0)).warnings, "funds_in_place_wan").message_en ==
              "funds in place 3500 exceed the funds required 3000");
    }
    SUBCASE("percent complete going down, reports out of order, outside the year, after the as-of month")
    {
        Project p = l.projects[0];
        p.reports[2].percent_complete = 45;                  // 50 in 2016-05, 45 in 2016-06
        p.reports.push_back(kpl_test::TestReportFor(2015, 12, 0));   // out of order and outside 2016
        p.reports.push_back(kpl_test::TestReportFor(2016, 7, 60));   // after 2016-06
        Findings f = ValidateProject(l, p, "", Self(0));
        CHECK(f.errors.empty());
        CHECK(At(f.warnings, "reports[2].percent_complete").message_zh == "完成百分比从 50 降到 45（2016-05 → 2016-06）");
        // reports[3] is out of order and outside the year: two warnings at that path.
        std::vector<const Diagnostic*> month = f.WarningsAt("reports[3].month");
        REQUIRE(month.size() == 2);
        CHECK(month[0]->message_zh == "月报未按月份排序：2015-12 排在 2016-06 之后");
        CHECK(month[1]->message_zh == "月报月份 2015-12 不在台账年份 2016 内");
        CHECK(f.warnings.size() == 4);
        CHECK(At(f.warnings, "reports[4].month").message_zh == "月报月份 2016-07 晚于截至月份 2016-06");
    }
    SUBCASE("completed below 100 percent, finished before it started, milestone reached after the as-of month")
    {
        Project p = l.projects[2];
        p.reports[1].percent_complete = 98.5;
        p.actual_completion = Date{2015, 1, 1};
        p.milestones.push_back(kpl_test::TestMilestoneFor("P003-M1"));
        p.milestones.back().actual = Date{2016, 7, 1};
        Findings f = ValidateProject(l, p, "", Self(2));
        CHECK(f.errors.empty());
        CHECK(At(f.warnings, "status").message_zh == "状态为已竣工，但最新月报（2016-06）完成百分比为 98.5");
        CHECK(At(f.warnings, "actual_completion").message_zh == "实际竣工日期 2015-01-01 早于实际开工日期 2015-03-01");
        CHECK(At(f.warnings, "milestones[0].actual").message_zh == "实际完成日期 2016-07-01 晚于截至月份 2016-06 的月末");
        CHECK(f.warnings.size() == 3);
    }
}

TEST_CASE("validate project: fields that could not be read are not judged")
{
    const Ledger l = SmallLedger();
    Project p = l.projects[0];
    p.plan = Money::FromWan(-5);
    p.reports[2].percent_complete = 0;    // a placeholder: the editor's box holds "abc"
    ValidateOptions o = Self(0);
    o.unreadable = {"plan_wan", "reports[2].percent_complete"};
    Findings f = ValidateProject(l, p, "", o);
    CHECK_MESSAGE(f.empty(), Describe(f.errors) << Describe(f.warnings));
    // Without saying so, the placeholder draws a warning.
    CHECK(At(ValidateProject(l, p, "", Self(0)).warnings, "reports[2].percent_complete").message_zh ==
          "完成百分比从 50 降到 0（2016-05 → 2016-06）");
    o.unreadable = {""};
    CHECK(ValidateProject(l, p, "", o).empty());
}

TEST_CASE("validate problem")
{
    const Ledger l = SmallLedger();
    SUBCASE("references and dates")
    {
        Problem q = l.problems[0];
        q.project_id = "P404";
        q.responsible_unit_id = "L1";    // a city leader is not a responsible unit
        q.deadline = Date{2016, 4, 30};  // before 2016-05-01
        Findings f = ValidateProblem(l, q, "", Self(0));
        CHECK(At(f.errors, "project_id").message_zh == "引用的项目 \"P404\" 不存在");
        CHECK(At(f.errors, "responsible_unit_id").message_zh == "引用的责任单位（部门或区县） \"L1\" 不存在");
        CHECK(At(f.errors, "deadline").message_zh == "办结期限 2016-04-30 早于交办日期 2016-05-01");
        CHECK(f.errors.size() == 3);
        q = l.problems[0];
        q.responsible_unit_id = "D2";    // a district is one
        q.assigned_date = Date{};
        f = ValidateProblem(l, q, "", Self(0));
        CHECK(At(f.errors, "assigned_date").message_zh == "缺少必填字段");
        CHECK(f.errors.size() == 1);
    }
    SUBCASE("the history")
    {
        Problem q = l.problems[0];
        q.state = ProblemState::Closed;
        CHECK(At(ValidateProblem(l, q, "", Self(0)).errors, "state").message_zh ==
              "状态 \"closed\" 与处理记录不符，按处理记录应为 \"accepted\"");
        q = l.problems[0];
        q.history[1].kind = ActionKind::Feedback;   // feedback before accept
        CHECK(At(ValidateProblem(l, q, "", Self(0)).errors, "history[1].kind").message_zh ==
              "第 2 步 \"feedback\" 不合法：问题尚未签收，不能反馈");
        q.history.clear();
        CHECK(At(ValidateProblem(l, q, "", Self(0)).errors, "history").message_en ==
              "the history is empty; it must start with assign");
        q = l.problems[0];
        q.history[1].date = Date{2016, 4, 30};      // before the assignment
        Findings f = ValidateProblem(l, q, "", Self(0));
        CHECK(f.errors.empty());
        CHECK(At(f.warnings, "history[1].date").message_zh == "处理日期 2016-04-30 早于上一步的 2016-05-01");
    }
    SUBCASE("action IDs are unique in the ledger")
    {
        Problem q = l.problems[2];
        q.history.push_back(kpl_test::TestAction("Q002-A2", ActionKind::Accept, Date{2016, 6, 6}, "市发改委", ""));
        q.state = ProblemState::Accepted;
        CHECK(At(ValidateProblem(l, q, "", Self(2)).errors, "history[1].id").message_zh ==
              "ID \"Q002-A2\" 重复，已用于 problems[1].history[1]");
    }
}

TEST_CASE("validate meta and settings")
{
    LedgerMeta m = SmallLedger().meta;
    m.year = 0;
    m.money_unit = "元";
    Findings f = ValidateMeta(m, "");
    CHECK(At(f.errors, "year").message_zh == "应在 1900 到 2100 之间，实际为 0");
    CHECK(At(f.errors, "money_unit").message_zh == "金额单位只能是“万元”，实际为 \"元\"");

    Settings s;
    s.warnings.behind_red_points = 5;
    s.warnings.due_soon_days = -1;
    s.ranking.bottom_n = -2;
    s.ranking.funds_rate_weight = -0.5;
    s.warnings.behind_yellow_points = 120;
    f = ValidateSettings(s, "settings");
    CHECK(At(f.errors, "settings.warnings.behind_yellow_points").message_zh == "应在 0 到 100 之间，实际为 120");
    CHECK(At(f.errors, "settings.warnings.behind_red_points").message_zh == "红色阈值 5 不能小于黄色阈值 120");
    CHECK(At(f.errors, "settings.warnings.due_soon_days").message_zh == "应为不小于 0 的整数，实际为 -1");
    CHECK(At(f.errors, "settings.ranking.bottom_n").message_en == "expected an integer of at least 0, got -2");
    CHECK(At(f.errors, "settings.ranking.funds_rate_weight").message_zh == "不能为负数，实际为 -0.5");
    CHECK(f.errors.size() == 5);
}

TEST_CASE("validate ledger: across records")
{
    Ledger l = SmallLedger();
    l.districts[2].id = "D1";                 // repeats districts[0]
    l.departments[2].id = "D2";               // a district's ID
    l.task_force.member_unit_ids = {"U1", "U9", "U1"};
    l.projects[3].milestones.push_back(kpl_test::TestMilestoneFor("P001-M2"));
    Findings f = ValidateLedger(l);
    CHECK(At(f.errors, "districts[2].id").message_zh == "ID \"D1\" 重复，已用于 districts[0]");
    CHECK(At(f.errors, "departments[2].id").message_zh ==
          "ID \"D2\" 已被区县 districts[1] 使用；责任单位按 ID 指向部门或区县，两者的 ID 不能相同");
    CHECK(At(f.errors, "task_force.member_unit_ids[1]").message_zh == "引用的成员单位（部门） \"U9\" 不存在");
    CHECK(At(f.errors, "task_force.member_unit_ids[2]").message_zh ==
          "成员单位 \"U1\" 重复，已见于 task_force.member_unit_ids[0]");
    CHECK(At(f.errors, "projects[3].milestones[0].id").message_zh ==
          "ID \"P001-M2\" 重复，已用于 projects[0].milestones[1]");
    // D3 and U3 are gone (renamed): what referred to them dangles.
    CHECK(At(f.errors, "projects[1].department_id").message_zh == "引用的服务责任部门 \"U3\" 不存在");
    CHECK(At(f.errors, "problems[2].responsible_unit_id").message_zh == "引用的责任单位（部门或区县） \"U3\" 不存在");
    CHECK(At(f.errors, "projects[2].district_id").message_zh == "引用的区县 \"D3\" 不存在");
    CHECK(At(f.errors, "problems[1].responsible_unit_id").message_en ==
          "refers to responsible unit (department or district) \"D3\", which does not exist");
    CHECK_MESSAGE(f.errors.size() == 9, Describe(f.errors));

    // Unreadable paths, as the loader reports them: no findings drawn from those fields.
    Findings quiet = ValidateLedger(l, {"districts[2].id", "departments[2]", "task_force.member_unit_ids",
                                        "projects[3].milestones[0].id", "projects[1].department_id",
                                        "problems[2].responsible_unit_id", "projects[2]", "problems[1].responsible_unit_id"});
    CHECK_MESSAGE(quiet.errors.empty(), Describe(quiet.errors));
    CHECK(ValidateLedger(l, {""}).empty());
}

TEST_CASE("validate: the loader reports what the validator says about the same data")
{
    // The loader runs the same rules: the message of a dangling reference, a repeated month and an
    // illegal history step is the validator's, with the file's path.
    LoadResult r = LoadLedger(kpl_test::Mutated([](Json& j) {
        j["projects"][1]["district_id"] = "d-nowhere";
        j["projects"][0]["reports"][1]["month"] = "2016-04";
        j["problems"][0]["state"] = "closed";
    }));
    REQUIRE_FALSE(r.ok());
    LoadResult good = LoadLedger(kpl_test::GoodText());
    REQUIRE(good.ok());
    Ledger l = *good.ledger;
    l.projects[1].district_id = "d-nowhere";
    l.projects[0].reports[1].month = YearMonth{2016, 4};
    l.problems[0].state = ProblemState::Closed;
    Findings f = ValidateLedger(l);
    REQUIRE(f.errors.size() == r.errors.size());
    for (const Diagnostic& d : f.errors) {
        const Diagnostic* loaded = kpl_test::FindDiagnostic(r.errors, d.path);
        REQUIRE_MESSAGE(loaded, d.path);
        CHECK(loaded->message_zh == d.message_zh);
        CHECK(loaded->message_en == d.message_en);
    }
}

TEST_CASE("validate: IDs, quoting and paths")
{
    CHECK(IsValidId("P001"));
    CHECK(IsValidId("q-001-a1"));
    CHECK(IsValidId("a.b_c-d"));
    CHECK_FALSE(IsValidId(""));
    CHECK_FALSE(IsValidId("-a"));
    CHECK_FALSE(IsValidId("a b"));
    CHECK_FALSE(IsValidId("项目1"));
    CHECK(IsValidId(std::string(64, 'x')));
    CHECK_FALSE(IsValidId(std::string(65, 'x')));
    CHECK(QuoteForMessage("a\"b") == "\"a\\\"b\"");
    // Cut at a character boundary: 21 three-byte characters are 63 bytes, 20 fit in 60.
    std::string long_text;
    for (int i = 0; i < 21; ++i)
        long_text += "湘";
    std::string twenty;
    for (int i = 0; i < 20; ++i)
        twenty += "湘";
    CHECK(QuoteForMessage(long_text) == "\"" + twenty + "…\"");
    CHECK(JoinPath("projects[3]", "plan_wan") == "projects[3].plan_wan");
    CHECK(JoinPath("", "plan_wan") == "plan_wan");
    CHECK(IndexPath("reports", 2) == "reports[2]");
    CHECK(HundredthsText(37.5) == "37.5");
    CHECK(HundredthsText(-0.5) == "-0.5");
}
