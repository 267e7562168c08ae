// Loading: the good fixture, then one bad input after another, each with the JSON path and the
// message (both languages) it must produce, and the warnings for suspicious but legal data.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "json_tree.h"
#include "ledger_json.h"
#include "test_support.h"

using namespace kpl;
using kpl_test::Describe;
using kpl_test::FindDiagnostic;
using kpl_test::GoodText;
using kpl_test::Mutated;
using Json = nlohmann::ordered_json;

TEST_CASE("load: the good fixture loads with every field in place and no warnings")
{
    LoadResult r = LoadLedger(GoodText());
    INFO(Describe(r.errors));
    REQUIRE(r.ok());
    CHECK(r.errors.empty());
    CHECK_MESSAGE(r.warnings.empty(), Describe(r.warnings));
    const Ledger& l = *r.ledger;
    CHECK(l.ledger_id == "zz-2016-test");
    CHECK(l.revision == 7);
    CHECK(l.meta.year == 2016);
    CHECK(l.meta.as_of == YearMonth{2016, 6});
    CHECK(l.meta.money_unit == "万元");
    CHECK(l.meta.demo);
    CHECK(l.meta.stamp.revision == 2);
    CHECK(l.meta.stamp.modified_at == "2016-07-05T09:30:00+08:00");
    CHECK(l.task_force.roles.size() == 2);
    CHECK(l.task_force.member_unit_ids == std::vector<std::string>{"dep-zjj", "dep-fgw"});
    REQUIRE(l.districts.size() == 2);
    CHECK(l.districts[0].kind == DistrictKind::City);
    CHECK(l.districts[1].name == "攸县");
    REQUIRE(l.projects.size() == 3);
    const Project& p = l.projects[0];
    CHECK(p.content == "新建桥梁一座，全长 1.2 公里。\n含\"引道\"工程");
    CHECK(p.completed_before_year == Money::FromCents(3000050));
    CHECK(p.plan == Money::FromCents(1200025));
    CHECK(p.funds_in_place == Money::FromCents(900010));
    CHECK(p.planned_completion == Date{2016, 12, 31});
    CHECK_FALSE(p.actual_completion.has_value());
    CHECK(p.status == ProjectStatus::UnderConstruction);
    REQUIRE(p.milestones.size() == 2);
    CHECK(p.milestones[0].actual == Date{2016, 5, 28});
    CHECK_FALSE(p.milestones[1].actual.has_value());
    REQUIRE(p.reports.size() == 3);
    CHECK(p.reports[1].percent_complete == 75.5);
    CHECK(p.reports[1].investment == Money::FromCents(200025));
    CHECK_FALSE(p.reports[1].funds_in_place.has_value());
    CHECK(p.reports[2].stamp.modified_by == "市交通局");
    CHECK(l.projects[1].planned_completion == std::nullopt);
    CHECK(l.projects[2].extra.contains("x_future_field"));
    REQUIRE(l.problems.size() == 3);
    CHECK(l.problems[0].state == ProblemState::Feedback);
    CHECK(l.problems[0].history.size() == 4);
    CHECK(l.problems[1].history[2].kind == ActionKind::CloseOut);
    CHECK(l.problems[0].deadline == Date{2016, 6, 30});
    CHECK(l.settings.ranking.bottom_n == 3);
    CHECK(l.extra["x_top_extra"] == "kept");
}

TEST_CASE("load: settings are optional and take the model's defaults")
{
    std::string text = Mutated([](Json& j) {
        j.erase("settings");
    });
    LoadResult r = LoadLedger(text);
    REQUIRE(r.ok());
    CHECK(r.ledger->settings.warnings.behind_yellow_points == 10);
    CHECK(r.ledger->settings.warnings.behind_red_points == 30);
    CHECK(r.ledger->settings.warnings.late_start_red_months == 3);
    CHECK(r.ledger->settings.warnings.due_soon_days == 7);
    CHECK(r.ledger->settings.ranking.investment_completion_weight == 40);
    CHECK(r.ledger->settings.ranking.bottom_n == 3);

    std::string partial = Mutated([](Json& j) {
        j["settings"] = Json::object();
        j["settings"]["ranking"] = Json::object();
        j["settings"]["ranking"]["start_rate_weight"] = 12.345;  // kept to 0.01
    });
    LoadResult p = LoadLedger(partial);
    REQUIRE(p.ok());
    CHECK(p.ledger->settings.ranking.start_rate_weight == 12.35);
    CHECK(p.ledger->settings.ranking.funds_rate_weight == 20);
}

TEST_CASE("load: stamps are optional")
{
    std::string text = Mutated([](Json& j) {
        j["districts"][0].erase("rev");
        j["meta"].erase("modified_by");
        j["meta"].erase("modified_at");
    });
    LoadResult r = LoadLedger(text);
    REQUIRE(r.ok());
    CHECK(r.ledger->districts[0].stamp.revision == 0);
    CHECK(r.ledger->meta.stamp.modified_by.empty());
}

namespace {

struct BadCase {
    const char* name;
    std::string text;
    std::string path;
    std::string zh;
    std::string en;
    int line = 0;
    int column = 0;
};

// The good file's text with the first occurrence of `from` replaced by `to`.
std::string Replaced(const std::string& from, const std::string& to)
{
    std::string text = GoodText();
    std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

Json Action(const char* id, const char* kind, const char* date)
{
    Json a = Json::object();
    a["id"] = id;
    a["kind"] = kind;
    a["date"] = date;
    a["by"] = "攻坚组办公室";
    a["text"] = "";
    return a;
}

std::vector<BadCase> BadCases()
{
    const std::string kIdRule = "只能由字母、数字和 _ . - 组成，以字母或数字开头，最长 64 个字符";
    const std::string kIdRuleEn = "use letters, digits, _ . - only, starting with a letter or digit, at most 64 characters";
    std::vector<BadCase> cases = {
        {"money as a string", Mutated([](Json& j) { j["projects"][0]["plan_wan"] = "12000"; }),
         "projects[0].plan_wan", "应为数字，实际为字符串", "expected a number, got a string"},
        {"missing project name", Mutated([](Json& j) { j["projects"][1].erase("name"); }),
         "projects[1].name", "缺少必填字段", "missing required field"},
        {"missing meta year", Mutated([](Json& j) { j["meta"].erase("year"); }),
         "meta.year", "缺少必填字段", "missing required field"},
        {"missing reports array", Mutated([](Json& j) { j["projects"][2].erase("reports"); }),
         "projects[2].reports", "缺少必填字段", "missing required field"},
        {"duplicate district ID", Mutated([](Json& j) { j["districts"][1]["id"] = "d-liling"; }),
         "districts[1].id", "ID \"d-liling\" 重复，已用于 districts[0]", "duplicate ID \"d-liling\", already used by districts[0]"},
        {"duplicate project ID", Mutated([](Json& j) { j["projects"][2]["id"] = "p-001"; }),
         "projects[2].id", "ID \"p-001\" 重复，已用于 projects[0]", "duplicate ID \"p-001\", already used by projects[0]"},
        {"milestone ID reused in another project", Mutated([](Json& j) {
             Json m = j["projects"][0]["milestones"][0];
             j["projects"][2]["milestones"].push_back(m);
         }),
         "projects[2].milestones[0].id", "ID \"p-001-m1\" 重复，已用于 projects[0].milestones[0]",
         "duplicate ID \"p-001-m1\", already used by projects[0].milestones[0]"},
        {"action ID reused in another problem", Mutated([](Json& j) { j["problems"][2]["history"][0]["id"] = "q-001-a1"; }),
         "problems[2].history[0].id", "ID \"q-001-a1\" 重复，已用于 problems[0].history[0]",
         "duplicate ID \"q-001-a1\", already used by problems[0].history[0]"},
        {"two reports for one month", Mutated([](Json& j) { j["projects"][0]["reports"][1]["month"] = "2016-04"; }),
         "projects[0].reports[1].month", "月份 2016-04 的月报重复，已见于 projects[0].reports[0]",
         "duplicate report for month 2016-04, already at projects[0].reports[0]"},
        {"unknown district", Mutated([](Json& j) { j["projects"][0]["district_id"] = "d-nowhere"; }),
         "projects[0].district_id", "引用的区县 \"d-nowhere\" 不存在", "refers to district \"d-nowhere\", which does not exist"},
        {"unknown department", Mutated([](Json& j) { j["projects"][1]["department_id"] = "dep-x"; }),
         "projects[1].department_id", "引用的服务责任部门 \"dep-x\" 不存在", "refers to department \"dep-x\", which does not exist"},
        {"unknown city leader", Mutated([](Json& j) { j["projects"][2]["city_leader_id"] = "cl-9"; }),
         "projects[2].city_leader_id", "引用的市级领导 \"cl-9\" 不存在", "refers to city leader \"cl-9\", which does not exist"},
        {"problem about an unknown project", Mutated([](Json& j) { j["problems"][1]["project_id"] = "p-404"; }),
         "problems[1].project_id", "引用的项目 \"p-404\" 不存在", "refers to project \"p-404\", which does not exist"},
        {"unknown responsible unit", Mutated([](Json& j) { j["problems"][0]["responsible_unit_id"] = "cl-1"; }),
         "problems[0].responsible_unit_id", "引用的责任单位（部门或区县） \"cl-1\" 不存在",
         "refers to responsible unit (department or district) \"cl-1\", which does not exist"},
        {"member unit that is not a department", Mutated([](Json& j) { j["task_force"]["member_unit_ids"][1] = "d-liling"; }),
         "task_force.member_unit_ids[1]", "引用的成员单位（部门） \"d-liling\" 不存在",
         "refers to the member unit (department) \"d-liling\", which does not exist"},
        {"member unit listed twice", Mutated([](Json& j) { j["task_force"]["member_unit_ids"].push_back("dep-zjj"); }),
         "task_force.member_unit_ids[2]", "成员单位 \"dep-zjj\" 重复，已见于 task_force.member_unit_ids[0]",
         "member unit \"dep-zjj\" is listed twice, already at task_force.member_unit_ids[0]"},
        {"2016-02-30", Mutated([](Json& j) { j["projects"][0]["planned_completion"] = "2016-02-30"; }),
         "projects[0].planned_completion", "日期不存在：\"2016-02-30\"", "no such date: \"2016-02-30\""},
        {"date with slashes", Mutated([](Json& j) { j["projects"][0]["milestones"][1]["planned"] = "2016/12/20"; }),
         "projects[0].milestones[1].planned", "日期格式应为 YYYY-MM-DD，实际为 \"2016/12/20\"",
         "a date must be written YYYY-MM-DD, got \"2016/12/20\""},
        {"month 13", Mutated([](Json& j) { j["projects"][2]["reports"][0]["month"] = "2016-13"; }),
         "projects[2].reports[0].month", "月份应写作 YYYY-MM（01–12 月），实际为 \"2016-13\"",
         "a month must be written YYYY-MM (months 01-12), got \"2016-13\""},
        {"negative money", Mutated([](Json& j) { j["projects"][1]["total_investment_wan"] = -5; }),
         "projects[1].total_investment_wan", "金额不能为负数，实际为 -5", "money must not be negative, got -5"},
        {"money with three decimals", Mutated([](Json& j) { j["projects"][0]["reports"][0]["investment_wan"] = 1500.555; }),
         "projects[0].reports[0].investment_wan", "金额最多两位小数（单位万元），实际为 1500.555",
         "money must have at most two decimals (in 万元), got 1500.555"},
        {"absurd money", Replaced("\"plan_wan\": 5000,", "\"plan_wan\": 1e20,"),
         "projects[1].plan_wan", "金额超出范围，实际为 1e20", "money out of range, got 1e20"},
        {"percent above 100", Mutated([](Json& j) { j["projects"][0]["reports"][2]["percent_complete"] = 120; }),
         "projects[0].reports[2].percent_complete", "应在 0 到 100 之间，实际为 120", "must be between 0 and 100, got 120"},
        {"negative percent", Mutated([](Json& j) { j["projects"][2]["reports"][0]["percent_complete"] = -1; }),
         "projects[2].reports[0].percent_complete", "应在 0 到 100 之间，实际为 -1", "must be between 0 and 100, got -1"},
        {"unknown status", Mutated([](Json& j) { j["projects"][0]["status"] = "building"; }),
         "projects[0].status", "未知的取值 \"building\"，应为 not_started、under_construction、completed、commissioned 之一",
         "unknown value \"building\"; expected one of not_started, under_construction, completed, commissioned"},
        {"unknown problem category", Mutated([](Json& j) { j["problems"][0]["category"] = "water"; }),
         "problems[0].category", "未知的取值 \"water\"，应为 land、traffic、road、power、funding、approval、other 之一",
         "unknown value \"water\"; expected one of land, traffic, road, power, funding, approval, other"},
        {"unknown district kind", Mutated([](Json& j) { j["districts"][0]["kind"] = "village"; }),
         "districts[0].kind", "未知的取值 \"village\"，应为 district、county、city、zone 之一",
         "unknown value \"village\"; expected one of district, county, city, zone"},
        {"state disagreeing with the history", Mutated([](Json& j) { j["problems"][0]["state"] = "closed"; }),
         "problems[0].state", "状态 \"closed\" 与处理记录不符，按处理记录应为 \"feedback\"",
         "state \"closed\" disagrees with the history, which leads to \"feedback\""},
        {"closed out twice", Mutated([](Json& j) {
             j["problems"][1]["history"].push_back(Action("q-002-a4", "close_out", "2016-05-20"));
         }),
         "problems[1].history[3].kind", "第 4 步 \"close_out\" 不合法：已销号的问题不能再次销号",
         "step 4 \"close_out\" is not allowed: a closed problem cannot be closed out again"},
        {"history not starting with assign", Mutated([](Json& j) { j["problems"][2]["history"][0]["kind"] = "accept"; }),
         "problems[2].history[0].kind", "第 1 步 \"accept\" 不合法：处理记录的第一步必须是交办",
         "step 1 \"accept\" is not allowed: the first action must be assign"},
        {"empty history", Mutated([](Json& j) { j["problems"][2]["history"] = Json::array(); }),
         "problems[2].history", "处理记录为空，第一步应为交办", "the history is empty; it must start with assign"},
        {"ID starting with a dash", Mutated([](Json& j) { j["city_leaders"][1]["id"] = "-cl"; }),
         "city_leaders[1].id", "ID \"-cl\" 无效：" + kIdRule, "invalid ID \"-cl\": " + kIdRuleEn},
        {"ID with a space", Mutated([](Json& j) { j["problems"][2]["id"] = "q 3"; }),
         "problems[2].id", "ID \"q 3\" 无效：" + kIdRule, "invalid ID \"q 3\": " + kIdRuleEn},
        {"ID of 65 characters", Mutated([](Json& j) { j["task_force"]["roles"][0]["id"] = std::string(65, 'r'); }),
         "task_force.roles[0].id", "ID \"" + std::string(60, 'r') + "…\" 无效：" + kIdRule,
         "invalid ID \"" + std::string(60, 'r') + "…\": " + kIdRuleEn},
        {"money unit 元", Mutated([](Json& j) { j["meta"]["money_unit"] = "元"; }),
         "meta.money_unit", "金额单位只能是“万元”，实际为 \"元\"", "the money unit must be 万元, got \"元\""},
        {"deadline before the assigned date", Mutated([](Json& j) { j["problems"][2]["deadline"] = "2016-06-01"; }),
         "problems[2].deadline", "办结期限 2016-06-01 早于交办日期 2016-06-05",
         "deadline 2016-06-01 is before the assigned date 2016-06-05"},
        {"another format", Mutated([](Json& j) { j["format"] = "project-list"; }),
         "format", "不是重点项目台账文件：format 为 \"project-list\"，应为 \"key-project-ledger\"",
         "not a key-project ledger: format is \"project-list\", expected \"key-project-ledger\""},
        {"no format at all", "{\"title\": \"随便一个 JSON\"}",
         "format", "不是重点项目台账文件：缺少 format，应为 \"key-project-ledger\"",
         "not a key-project ledger: format is missing, expected \"key-project-ledger\""},
        {"format version 2", Mutated([](Json& j) { j["format_version"] = 2; }),
         "format_version", "不支持的格式版本 2，本程序只支持版本 1", "unsupported format version 2; this program supports version 1 only"},
        {"format version missing", Mutated([](Json& j) { j.erase("format_version"); }),
         "format_version", "缺少格式版本 format_version，本程序只支持版本 1",
         "format_version is missing; this program supports version 1 only"},
        {"format version written 1.0", Replaced("\"format_version\": 1,", "\"format_version\": 1.0,"),
         "format_version", "不支持的格式版本 1.0，本程序只支持版本 1", "unsupported format version 1.0; this program supports version 1 only"},
        {"format version as a string", Mutated([](Json& j) { j["format_version"] = "1"; }),
         "format_version", "不支持的格式版本 \"1\"，本程序只支持版本 1",
         "unsupported format version \"1\"; this program supports version 1 only"},
        {"not a JSON object", "[1, 2, 3]", "",
         "文件内容不是 JSON 对象（实际为数组），不是重点项目台账", "the file is not a JSON object (it is an array), so not a key-project ledger"},
        {"malformed JSON", "{\n  \"format\": \"key-project-ledger\",\n  \"format_version\": 1,,\n}", "",
         "JSON 语法错误：此处不应出现 ','，应为带双引号的成员名",
         "malformed JSON: unexpected ','; expected a member name in double quotes", 3, 23},
        // Cut just before meta's "as_of": the file ends in the 4 spaces that indent line 9.
        {"truncated file", GoodText().substr(0, GoodText().find("\"as_of\"")), "",
         "JSON 语法错误：文件意外结束，此处应为带双引号的成员名",
         "malformed JSON: unexpected end of the file; expected a member name in double quotes", 9, 5},
        {"invalid UTF-8 (GBK bytes)", "{\n  \"title\": \"\xd6\xea\xd6\xde\"\n}", "",
         "文件不是有效的 UTF-8 文本（字节 0xD6），请以 UTF-8 编码保存",
         "the file is not valid UTF-8 text (byte 0xD6); save it as UTF-8", 2, 13},
        {"duplicate key", Replaced("\"name\": \"攸县湘东工业园标准厂房\",", "\"name\": \"攸县湘东工业园标准厂房\", \"name\": \"重复\","),
         "projects[1].name", "重复的键 \"name\"（同一对象中只能出现一次）", "duplicate key \"name\" (a key may appear only once in an object)"},
        {"negative rev", Mutated([](Json& j) { j["districts"][0]["rev"] = -1; }),
         "districts[0].rev", "应为不小于 0 的整数，实际为 -1", "expected an integer of at least 0, got -1"},
        {"timestamp without a zone", Mutated([](Json& j) { j["meta"]["modified_at"] = "2016-07-05 09:30"; }),
         "meta.modified_at", "时间戳应为 ISO 8601 格式（如 2016-05-03T09:30:00+08:00），实际为 \"2016-07-05 09:30\"",
         "a timestamp must be ISO 8601 (e.g. 2016-05-03T09:30:00+08:00), got \"2016-07-05 09:30\""},
        {"fractional year", Replaced("\"year\": 2016,", "\"year\": 2016.5,"),
         "meta.year", "应为整数，实际为 2016.5", "expected an integer, got 2016.5"},
        {"year out of range", Mutated([](Json& j) { j["projects"][0]["start_year"] = 214; }),
         "projects[0].start_year", "应在 1900 到 2100 之间，实际为 214", "must be between 1900 and 2100, got 214"},
        {"boolean as text", Mutated([](Json& j) { j["projects"][1]["completion_target"] = "yes"; }),
         "projects[1].completion_target", "应为布尔值（true 或 false），实际为字符串",
         "expected a boolean (true or false), got a string"},
        {"null for an optional date", Mutated([](Json& j) { j["projects"][0]["actual_start"] = nullptr; }),
         "projects[0].actual_start", "应为字符串，实际为空值 null", "expected a string, got null"},
        {"projects as an object", Mutated([](Json& j) { j["projects"] = Json::object(); }),
         "projects", "应为数组，实际为对象", "expected an array, got an object"},
        {"project as a number", Mutated([](Json& j) { j["projects"][1] = 5; }),
         "projects[1]", "应为对象，实际为数字", "expected an object, got a number"},
        {"red threshold below yellow", Mutated([](Json& j) { j["settings"]["warnings"]["behind_red_points"] = 5; }),
         "settings.warnings.behind_red_points", "红色阈值 5 不能小于黄色阈值 10",
         "the red threshold 5 must not be below the yellow threshold 10"},
        {"negative bottom_n", Mutated([](Json& j) { j["settings"]["ranking"]["bottom_n"] = -2; }),
         "settings.ranking.bottom_n", "应为不小于 0 的整数，实际为 -2", "expected an integer of at least 0, got -2"},
        {"negative weight", Mutated([](Json& j) { j["settings"]["ranking"]["start_rate_weight"] = -0.5; }),
         "settings.ranking.start_rate_weight", "不能为负数，实际为 -0.5", "must not be negative, got -0.5"},
        {"department sharing a district's ID", Mutated([](Json& j) { j["departments"][2]["id"] = "d-youxian"; }),
         "departments[2].id",
         "ID \"d-youxian\" 已被区县 districts[1] 使用；责任单位按 ID 指向部门或区县，两者的 ID 不能相同",
         "ID \"d-youxian\" is already used by the district districts[1]; responsible units name a department or a district by ID, so their IDs must differ"},
        {"empty reference", Mutated([](Json& j) { j["projects"][0]["district_id"] = ""; }),
         "projects[0].district_id", "引用的 ID 不能为空", "the referenced ID must not be empty"},
    };
    return cases;
}

} // namespace

TEST_CASE("load: each bad input gives its error at its path, in Chinese and English, and no ledger")
{
    std::vector<BadCase> cases = BadCases();
    CHECK(cases.size() >= 30);
    for (const BadCase& c : cases) {
        std::string name = c.name;
        CAPTURE(name);
        LoadResult r = LoadLedger(c.text);
        INFO("errors:\n" << Describe(r.errors));
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.ledger.has_value());
        const Diagnostic* d = FindDiagnostic(r.errors, c.path);
        REQUIRE(d != nullptr);
        CHECK(d->message_zh == c.zh);
        CHECK(d->message_en == c.en);
        CHECK(d->line == c.line);
        CHECK(d->column == c.column);
    }
}

TEST_CASE("load: the message format of Diagnostic::ToString")
{
    LoadResult r = LoadLedger(Mutated([](Json& j) { j["projects"][12 % 3]["plan_wan"] = "x"; }));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].ToString() == "projects[0].plan_wan: 应为数字，实际为字符串 / expected a number, got a string");
    LoadResult m = LoadLedger("{\n  \"a\": tru\n}");
    REQUIRE(m.errors.size() == 1);
    // "tru" starts at column 8 of line 2 (two spaces, "a", ':' and a space before it).
    CHECK(m.errors[0].ToString() == "line 2, column 8: JSON 语法错误：无效的字面量 'tru'，应为 true、false 或 null / "
                                    "malformed JSON: invalid literal 'tru'; expected true, false or null");
}

TEST_CASE("load: every error is reported at once")
{
    std::string text = Mutated([](Json& j) {
        j["projects"][0]["plan_wan"] = "12000";
        j["projects"][1]["district_id"] = "d-nowhere";
        j["projects"][2]["reports"][0]["month"] = "2016-13";
        j["problems"][0]["state"] = "closed";
        j["meta"]["money_unit"] = "元";
    });
    LoadResult r = LoadLedger(text);
    INFO(Describe(r.errors));
    CHECK(r.errors.size() == 5);
    for (const char* path : {"projects[0].plan_wan", "projects[1].district_id", "projects[2].reports[0].month",
                             "problems[0].state", "meta.money_unit"})
        CHECK_MESSAGE(FindDiagnostic(r.errors, path), path);
}

TEST_CASE("load: the error cap")
{
    std::string text = Mutated([](Json& j) {
        for (int i = 0; i < 40; ++i) {
            Json d = Json::object();
            d["id"] = "d-" + std::to_string(i);
            d["name"] = 7;            // wrong type
            d["kind"] = "nowhere";    // unknown value
            j["districts"].push_back(d);
        }
    });
    LoadResult all = LoadLedger(text);
    CHECK(all.errors.size() == 80);
    CHECK_FALSE(all.errors_truncated);
    LoadResult capped = LoadLedger(text, 25);
    CHECK(capped.errors.size() == 25);
    CHECK(capped.errors_truncated);
    CHECK_FALSE(capped.ok());
}

TEST_CASE("load: odd but valid JSON")
{
    // Byte order mark, CRLF line ends, compact layout, keys in any order: all fine.
    std::string compact = Mutated([](Json&) {});
    CHECK(LoadLedger(compact).ok());
    CHECK(LoadLedger("\xEF\xBB\xBF" + compact).ok());
    std::string crlf;
    for (char c : GoodText()) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    CHECK(LoadLedger(crlf).ok());
    // Deep nesting is refused with an error rather than a crash.
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    LoadResult r = LoadLedger(deep);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message_zh == "JSON 嵌套过深（超过 256 层）");
    CHECK(r.errors[0].column == 257);
    // Random bytes, NUL bytes: errors, never a crash.
    CHECK_FALSE(LoadLedger(std::string("\0\0\0", 3)).ok());
    CHECK_FALSE(LoadLedger("").ok());
    CHECK_FALSE(LoadLedger("null").ok());
    CHECK_FALSE(LoadLedger("\"key-project-ledger\"").ok());
}

TEST_CASE("load: a mistake in an unknown member is still a JSON error, but its content is free")
{
    std::string text = Replaced("\"x_top_extra\": \"kept\"", "\"x_top_extra\": {\"any\": [1, {\"deep\": true}], \"x\": 1.25e2}");
    LoadResult r = LoadLedger(text);
    REQUIRE(r.ok());
    CHECK(r.ledger->extra["x_top_extra"]["any"][1]["deep"] == true);
    CHECK(r.ledger->extra["x_top_extra"]["x"] == 125.0);
    LoadResult dup = LoadLedger(Replaced("\"x_top_extra\": \"kept\"", "\"x_top_extra\": {\"k\": 1, \"k\": 2}"));
    REQUIRE_FALSE(dup.ok());
    CHECK(FindDiagnostic(dup.errors, "x_top_extra.k"));
}

//-----------------------------------------------------------------------------
// Warnings: the file loads, and says what looks wrong.
//-----------------------------------------------------------------------------

namespace {

// Loads `text`, requires success, and returns the warning at `path` (which must exist).
Diagnostic WarningAt(const std::string& text, const std::string& path)
{
    LoadResult r = LoadLedger(text);
    INFO("errors:\n" << Describe(r.errors) << "warnings:\n" << Describe(r.warnings));
    REQUIRE(r.ok());
    const Diagnostic* d = FindDiagnostic(r.warnings, path);
    REQUIRE(d != nullptr);
    return *d;
}

} // namespace

TEST_CASE("load warnings: completed more than the total investment")
{
    // 48000 before this year + this year's 1500.5 + 2000.25 + 1800 = 53300.75 > 50000
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["projects"][0]["completed_before_year_wan"] = 48000; }),
                             "projects[0].total_investment_wan");
    CHECK(w.message_zh == "累计完成投资 53300.75 万元（往年 48000 + 今年 5300.75）超过总投资 50000 万元");
    CHECK(w.message_en == "completed investment 53300.75 (before this year 48000 + this year 5300.75) exceeds the total investment 50000");
}

TEST_CASE("load warnings: percent complete going down")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["projects"][0]["reports"][1]["percent_complete"] = 65; }),
                             "projects[0].reports[1].percent_complete");
    CHECK(w.message_zh == "完成百分比从 70 降到 65（2016-04 → 2016-05）");
    CHECK(w.message_en == "percent complete went down from 70 to 65 (2016-04 → 2016-05)");
}

TEST_CASE("load warnings: funds in place above funds required")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["projects"][1]["funds_in_place_wan"] = 6000; }),
                             "projects[1].funds_in_place_wan");
    CHECK(w.message_zh == "到位资金 6000 万元超过所需资金 5000 万元");
    CHECK(w.message_en == "funds in place 6000 exceed the funds required 5000");
}

TEST_CASE("load warnings: reports out of month order")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) {
        Json first = j["projects"][2]["reports"][0];
        j["projects"][2]["reports"][0] = j["projects"][2]["reports"][1];
        j["projects"][2]["reports"][1] = first;
    }),
                             "projects[2].reports[1].month");
    CHECK(w.message_zh == "月报未按月份排序：2016-05 排在 2016-06 之后");
    CHECK(w.message_en == "reports are out of month order: 2016-05 comes after 2016-06");
}

TEST_CASE("load warnings: report outside the ledger's year, or after the as-of month")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["projects"][0]["reports"][0]["month"] = "2015-12"; }),
                             "projects[0].reports[0].month");
    CHECK(w.message_zh == "月报月份 2015-12 不在台账年份 2016 内");
    CHECK(w.message_en == "report month 2015-12 is outside the ledger year 2016");
    Diagnostic late = WarningAt(Mutated([](Json& j) { j["meta"]["as_of"] = "2016-05"; }), "projects[2].reports[1].month");
    CHECK(late.message_zh == "月报月份 2016-06 晚于截至月份 2016-05");
    CHECK(late.message_en == "report month 2016-06 is after the as-of month 2016-05");
}

TEST_CASE("load warnings: completed but not at 100 percent")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["projects"][2]["reports"][1]["percent_complete"] = 98.5; }),
                             "projects[2].status");
    CHECK(w.message_zh == "状态为已竣工，但最新月报（2016-06）完成百分比为 98.5");
    CHECK(w.message_en == "status is completed but the latest report (2016-06) says 98.5 percent complete");
}

TEST_CASE("load warnings: milestone reached after the as-of month")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["meta"]["as_of"] = "2016-04"; }), "projects[0].milestones[0].actual");
    CHECK(w.message_zh == "实际完成日期 2016-05-28 晚于截至月份 2016-04 的月末");
    CHECK(w.message_en == "actual date 2016-05-28 is after the end of the as-of month 2016-04");
}

TEST_CASE("load warnings: problem actions dated out of order")
{
    Diagnostic w = WarningAt(Mutated([](Json& j) { j["problems"][0]["history"][1]["date"] = "2016-05-09"; }),
                             "problems[0].history[1].date");
    CHECK(w.message_zh == "处理日期 2016-05-09 早于上一步的 2016-05-10");
    CHECK(w.message_en == "action date 2016-05-09 is before the previous action's 2016-05-10");
}

TEST_CASE("load warnings: none drawn from values that failed to read")
{
    // percent_complete 120 is refused and left at 0: "went down from 75.5 to 0" would be nonsense.
    LoadResult r = LoadLedger(Mutated([](Json& j) { j["projects"][0]["reports"][2]["percent_complete"] = 120; }));
    CHECK_FALSE(r.ok());
    CHECK(r.errors.size() == 1);
    CHECK_MESSAGE(r.warnings.empty(), Describe(r.warnings));
    // Other projects still get theirs.
    LoadResult other = LoadLedger(Mutated([](Json& j) {
        j["projects"][0]["total_investment_wan"] = "lots";
        j["projects"][1]["funds_in_place_wan"] = 6000;
    }));
    CHECK(other.errors.size() == 1);
    REQUIRE(other.warnings.size() == 1);
    CHECK(other.warnings[0].path == "projects[1].funds_in_place_wan");
}

TEST_CASE("load: a syntax error at a Chinese character quotes the whole character")
{
    // "醴" is E9 86 B4: the message quotes all three bytes, never a lone lead byte.
    kpl::LoadResult result = kpl::LoadLedger("醴陵 not json");
    REQUIRE(result.errors.size() == 1);
    const kpl::Diagnostic& error = result.errors[0];
    CHECK(error.line == 1);
    CHECK(error.column == 1);
    CHECK(error.message_en == "malformed JSON: unexpected '醴'; expected a value");
    CHECK(error.message_zh == "JSON 语法错误：此处不应出现 '醴'，应为值");
    CHECK(kpl::json_tree::FindInvalidUtf8(error.message_zh) == std::string::npos);
    CHECK(kpl::json_tree::FindInvalidUtf8(error.message_en) == std::string::npos);
}
