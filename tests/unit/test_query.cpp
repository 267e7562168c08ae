// Queries (query.h) on the hand-built ledger of test_ledgers.h: each filter criterion alone and
// combined, Chinese substrings, sorting by every column both ways, totals that follow the filter,
// problems' due status at the boundaries, the problems board's filters. Expected rows worked out by
// hand from the table at the top of test_ledgers.h.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "edit.h"
#include "query.h"
#include "test_ledgers.h"

using namespace kpl;
using kpl_test::SmallLedger;
using Rows = std::vector<int>;

namespace {

Rows Filtered(const Ledger& l, const ProjectFilter& f)
{
    Rows plain = FilterProjects(l, f);
    ProjectIndex index;
    index.Build(l);
    Rows indexed = FilterProjects(l, f, index);
    CHECK(plain == indexed);   // the index changes the speed, never the answer
    for (std::size_t i = 0; i < l.projects.size(); ++i)
        CHECK(ProjectMatches(l, l.projects[i], f) == (std::find(plain.begin(), plain.end(), static_cast<int>(i)) != plain.end()));
    return plain;
}

ProjectFilter Text(const char* text)
{
    ProjectFilter f;
    f.text = text;
    return f;
}

Rows Sorted(const Ledger& l, ProjectColumn column, bool ascending, Rows rows = {0, 1, 2, 3})
{
    SortProjects(l, rows, column, ascending, l.meta.as_of);
    return rows;
}

} // namespace

TEST_CASE("query: each project filter criterion")
{
    const Ledger l = SmallLedger();
    ProjectFilter f;
    CHECK(f.IsEmpty());
    CHECK(Filtered(l, f) == Rows{0, 1, 2, 3});

    f = ProjectFilter{};
    f.district_ids = {"D1"};
    CHECK(Filtered(l, f) == Rows{0, 3});
    f.district_ids = {"D2", "D3"};
    CHECK(Filtered(l, f) == Rows{1, 2});

    f = ProjectFilter{};
    f.department_ids = {"U1"};
    CHECK(Filtered(l, f) == Rows{0, 3});

    f = ProjectFilter{};
    f.city_leader_ids = {"L2"};
    CHECK(Filtered(l, f) == Rows{1, 2});

    f = ProjectFilter{};
    f.statuses = {ProjectStatus::Completed};
    CHECK(Filtered(l, f) == Rows{2});
    f.statuses = {ProjectStatus::NotStarted, ProjectStatus::Commissioned};
    CHECK(Filtered(l, f) == Rows{1, 3});

    f = ProjectFilter{};
    f.categories = {"基础设施"};
    CHECK(Filtered(l, f) == Rows{0, 2});

    f = ProjectFilter{};
    f.completion_target = true;
    CHECK(Filtered(l, f) == Rows{1, 2});
    f.completion_target = false;
    CHECK(Filtered(l, f) == Rows{0, 3});
    CHECK_FALSE(f.IsEmpty());
}

TEST_CASE("query: free text matches Chinese substrings of every searched field")
{
    const Ledger l = SmallLedger();
    CHECK(Filtered(l, Text("湘江")) == Rows{0, 2});        // P001's name, P003's content (连接湘江大桥)
    CHECK(Filtered(l, Text("湘")) == Rows{0, 2});
    CHECK(Filtered(l, Text("醴陵")) == Rows{1});            // name, and its district 醴陵市
    CHECK(Filtered(l, Text("芦淞区")) == Rows{0, 3});       // the district's name; P004's own name too
    CHECK(Filtered(l, Text("分管交通")) == Rows{1, 2});     // the city leader's title
    CHECK(Filtered(l, Text("市发改委")) == Rows{1});        // the department's name, responsible leader
    CHECK(Filtered(l, Text("road")) == Rows{2});            // ASCII: any case
    CHECK(Filtered(l, Text("ROAD works")) == Rows{2});
    CHECK(Filtered(l, Text("430211")) == Rows{0});          // project code
    CHECK(Filtered(l, Text("城市建设发展")) == Rows{0});    // owner unit
    CHECK(Filtered(l, Text("标准厂房12万")) == Rows{1});    // name and content
    CHECK(Filtered(l, Text("建管科科长")) == Rows{0});      // responsible person
    CHECK(Filtered(l, Text("社会民生")) == Rows{3});        // category
    // Every word must match, in any field; ASCII and ideographic spaces both separate words.
    CHECK(Filtered(l, Text("湘江 大桥")) == Rows{2});
    CHECK(Filtered(l, Text("湘江\xE3\x80\x80大桥")) == Rows{2});
    CHECK(Filtered(l, Text("  湘江   ")) == Rows{0, 2});
    CHECK(Filtered(l, Text("湘江 醴陵")).empty());
    CHECK(Filtered(l, Text("株洲")) == Rows{0});
    CHECK(Filtered(l, Text("不存在的词")).empty());
    CHECK(Text("   ").IsEmpty());
}

TEST_CASE("query: criteria combined")
{
    const Ledger l = SmallLedger();
    ProjectFilter f = Text("湘江");
    f.district_ids = {"D1"};
    CHECK(Filtered(l, f) == Rows{0});
    f = ProjectFilter{};
    f.categories = {"基础设施", "社会民生"};
    f.completion_target = false;
    CHECK(Filtered(l, f) == Rows{0, 3});
    f.statuses = {ProjectStatus::Commissioned};
    CHECK(Filtered(l, f) == Rows{3});
    f.department_ids = {"U2"};
    CHECK(Filtered(l, f).empty());
}

TEST_CASE("query: the project index follows the ledger")
{
    EditHistory h(SmallLedger());
    ProjectIndex index;
    CHECK_FALSE(index.IsBuiltFor(h.ledger()));
    CHECK(index.Update(h.ledger(), h.Generation()));
    CHECK_FALSE(index.Update(h.ledger(), h.Generation()));   // nothing changed: no rebuild
    CHECK(index.SearchText(2).find("road works") != std::string::npos);
    CHECK(FilterProjects(h.ledger(), Text("风光带"), index) == Rows{0});

    Project draft = h.ledger().projects[1];
    draft.name = "风光带二期";
    REQUIRE(h.ReplaceProject(EditContext{"市发改委", ""}, "P002", draft).applied);
    CHECK(index.Update(h.ledger(), h.Generation()));
    CHECK(FilterProjects(h.ledger(), Text("风光带"), index) == Rows{0, 1});
    h.Undo();
    CHECK(index.Update(h.ledger(), h.Generation()));
    CHECK(FilterProjects(h.ledger(), Text("风光带"), index) == Rows{0});

    // An index built for another ledger is not used.
    Ledger other = SmallLedger();
    other.projects[1].name = "风光带三期";
    CHECK_FALSE(index.IsBuiltFor(other));
    CHECK(FilterProjects(other, Text("风光带"), index) == Rows{0, 1});
}

TEST_CASE("query: sorting by every column, both directions, stable")
{
    // Text by code point: 交 4EA4 < 产 4EA7 < 住 4F4F < 发 53D1 < 城 57CE < 基 57FA < 攸 6538
    // < 湘 6E58 < 社 793E < 芦 82A6 < 醴 91B4.
    const Ledger l = SmallLedger();
    using C = ProjectColumn;
    struct Case {
        ProjectColumn column;
        Rows ascending;
        Rows descending;
    };
    const std::vector<Case> cases = {
        {C::Seq, {0, 1, 2, 3}, {3, 2, 1, 0}},
        // "" < "2014-…" < "2015-…" < "2016-…"
        {C::Code, {1, 3, 0, 2}, {2, 0, 3, 1}},
        // 攸 < 湘 < 芦 < 醴
        {C::Name, {2, 0, 3, 1}, {1, 3, 0, 2}},
        // 攸县 < 芦淞区 (P001, P004, ties in order) < 醴陵市
        {C::District, {2, 0, 3, 1}, {1, 0, 3, 2}},
        // 市交通局 < 市住建局 (P001, P004) < 市发改委
        {C::Department, {2, 0, 3, 1}, {1, 0, 3, 2}},
        // 副市长（分管交通） (P002, P003) < 副市长（分管城建） (P001, P004)
        {C::CityLeader, {1, 2, 0, 3}, {0, 3, 1, 2}},
        // 产业 < 基础设施 (P001, P003) < 社会民生
        {C::Category, {1, 0, 2, 3}, {3, 0, 2, 1}},
        // 3000, 5000, 2000, 0
        {C::Plan, {3, 2, 0, 1}, {1, 0, 2, 3}},
        // through 2016-06: 1500, 0, 2000, 0
        {C::CompletedThisYear, {1, 3, 0, 2}, {2, 0, 1, 3}},
        // 50, 0, 100, none (zero plan): none last both ways
        {C::PercentOfPlan, {1, 0, 2, 3}, {2, 0, 1, 3}},
        // under construction, not started, completed, commissioned
        {C::Status, {1, 0, 2, 3}, {3, 2, 0, 1}},
        // no, yes, yes, no
        {C::CompletionTarget, {0, 3, 1, 2}, {1, 2, 0, 3}},
        // 15000, 20000, 8000, 1000
        {C::TotalInvestment, {3, 2, 0, 1}, {1, 0, 2, 3}},
        // 1500/3000 = 50, 5000/5000 = 100, 1000/2000 = 50, 0/0 none
        {C::FundsInPlaceRate, {0, 2, 1, 3}, {1, 0, 2, 3}},
        // 55, no report, 100, 100
        {C::LatestPercentComplete, {0, 2, 3, 1}, {2, 3, 0, 1}},
    };
    CHECK(cases.size() == static_cast<std::size_t>(ProjectColumn::Count));
    for (const Case& c : cases) {
        CAPTURE(static_cast<int>(c.column));
        CHECK(Sorted(l, c.column, true) == c.ascending);
        CHECK(Sorted(l, c.column, false) == c.descending);
    }
    // Ties keep the order they come in, not the ledger's.
    CHECK(Sorted(l, C::District, true, Rows{3, 2, 1, 0}) == Rows{2, 3, 0, 1});
    // A filtered subset sorts within itself.
    CHECK(Sorted(l, C::Plan, false, Rows{0, 3}) == Rows{0, 3});
    // The as-of month bounds the reports: through 2016-05, P001 has 500 + 700, P003 1200.
    Rows rows = {0, 1, 2, 3};
    SortProjects(l, rows, C::CompletedThisYear, false, YearMonth{2016, 5});
    CHECK(rows == Rows{0, 2, 1, 3});
    rows = {0, 1, 2, 3};
    SortProjects(l, rows, C::LatestPercentComplete, true, YearMonth{2016, 5});   // 50, none, 90, 100
    CHECK(rows == Rows{0, 2, 3, 1});
}

TEST_CASE("query: sorting by collation ranks (pinyin order from the browser)")
{
    const Ledger l = SmallLedger();
    // Pinyin order of the names: 醴 li < 芦 lu < 湘 xiang < 攸 you -> P002, P004, P001, P003.
    const std::vector<uint32_t> name_ranks = {2, 0, 3, 1};
    Rows rows = {0, 1, 2, 3};
    SortProjects(l, rows, ProjectColumn::Name, true, l.meta.as_of, name_ranks);
    CHECK(rows == Rows{1, 3, 0, 2});
    SortProjects(l, rows, ProjectColumn::Name, false, l.meta.as_of, name_ranks);
    CHECK(rows == Rows{2, 0, 3, 1});
    // Equal ranks keep the incoming order.
    rows = {3, 2, 1, 0};
    SortProjects(l, rows, ProjectColumn::District, true, l.meta.as_of, std::vector<uint32_t>{1, 0, 1, 1});
    CHECK(rows == Rows{1, 3, 2, 0});
    // Ranks that do not cover the ledger are ignored: code point order.
    rows = {0, 1, 2, 3};
    SortProjects(l, rows, ProjectColumn::Name, true, l.meta.as_of, std::vector<uint32_t>{});
    CHECK(rows == Rows{2, 0, 3, 1});
}

TEST_CASE("query: the figures behind the columns")
{
    const Ledger l = SmallLedger();
    CHECK(PercentOfPlan(l.projects[0], 2016, YearMonth{2016, 6}) == 50.0);
    CHECK_FALSE(PercentOfPlan(l.projects[3], 2016, std::nullopt).has_value());
    CHECK(FundsInPlaceRate(l.projects[1]) == 100.0);
    CHECK_FALSE(FundsInPlaceRate(l.projects[3]).has_value());
    CHECK(LatestPercentComplete(l.projects[0], YearMonth{2016, 4}) == 40.0);
    CHECK_FALSE(LatestPercentComplete(l.projects[1], std::nullopt).has_value());
    CHECK(ProjectCategories(l) == std::vector<std::string>{"产业", "基础设施", "社会民生"});
}

TEST_CASE("query: totals follow the rows shown")
{
    const Ledger l = SmallLedger();
    ProjectSums all = SumProjects(l, FilterProjects(l, ProjectFilter{}), l.meta.as_of);
    CHECK(all.project_count == 4);
    CHECK(all.completion_target_count == 2);
    CHECK(all.plan == Money::FromWan(10000));              // 3000 + 5000 + 2000 + 0
    CHECK(all.completed_this_year == Money::FromWan(3500)); // 1500 + 0 + 2000 + 0
    CHECK(all.total_investment == Money::FromWan(44000));   // 15000 + 20000 + 8000 + 1000
    CHECK(all.funds_required == Money::FromWan(10000));
    CHECK(all.funds_in_place == Money::FromWan(7500));      // 1500 + 5000 + 1000 + 0
    CHECK(all.percent_of_plan == 35.0);
    CHECK(all.funds_in_place_rate == 75.0);

    ProjectFilter f;
    f.district_ids = {"D1"};
    ProjectSums d1 = SumProjects(l, FilterProjects(l, f), l.meta.as_of);
    CHECK(d1.project_count == 2);
    CHECK(d1.completion_target_count == 0);
    CHECK(d1.plan == Money::FromWan(3000));
    CHECK(d1.completed_this_year == Money::FromWan(1500));
    CHECK(d1.total_investment == Money::FromWan(16000));
    CHECK(d1.percent_of_plan == 50.0);

    ProjectSums none = SumProjects(l, FilterProjects(l, Text("不存在")), l.meta.as_of);
    CHECK(none.project_count == 0);
    CHECK(none.plan == Money());
    CHECK_FALSE(none.percent_of_plan.has_value());
}

TEST_CASE("query: a problem's due status at the boundaries")
{
    const Date today{2016, 6, 20};
    Problem p = SmallLedger().problems[0];   // accepted: open
    auto with_deadline = [&](Date deadline) {
        p.deadline = deadline;
        return ProblemDueStatus(p, today, 7);
    };
    CHECK(with_deadline(Date{2016, 6, 19}) == DueStatus::Overdue);   // yesterday
    CHECK(with_deadline(Date{2016, 6, 20}) == DueStatus::DueSoon);   // today
    CHECK(with_deadline(Date{2016, 6, 27}) == DueStatus::DueSoon);   // today + 7
    CHECK(with_deadline(Date{2016, 6, 28}) == DueStatus::OnTime);    // today + 8
    CHECK(with_deadline(Date{2015, 1, 1}) == DueStatus::Overdue);
    // Across a month's end: 2016-06-30 + 7 is 2016-07-07.
    p.deadline = Date{2016, 7, 8};
    CHECK(ProblemDueStatus(p, Date{2016, 6, 30}, 7) == DueStatus::OnTime);
    p.deadline = Date{2016, 7, 7};
    CHECK(ProblemDueStatus(p, Date{2016, 6, 30}, 7) == DueStatus::DueSoon);
    // No window: only the deadline day itself is "due soon".
    p.deadline = today;
    CHECK(ProblemDueStatus(p, today, 0) == DueStatus::DueSoon);
    p.deadline = today.AddDays(1);
    CHECK(ProblemDueStatus(p, today, 0) == DueStatus::OnTime);
    // Closed: nothing to watch, however late; reopened: open again.
    p.deadline = Date{2016, 6, 1};
    p.state = ProblemState::Closed;
    CHECK(ProblemDueStatus(p, today, 7) == DueStatus::Closed);
    p.state = ProblemState::Reopened;
    CHECK(ProblemDueStatus(p, today, 7) == DueStatus::Overdue);
}

TEST_CASE("query: the problems board's filters and sorting")
{
    const Ledger l = SmallLedger();
    const Date today{2016, 7, 1};
    ProblemFilter f;
    CHECK(FilterProblems(l, f, today) == Rows{0, 1, 2});
    f.unit_ids = {"U1"};
    CHECK(FilterProblems(l, f, today) == Rows{0});
    f = ProblemFilter{};
    f.unit_ids = {"D3", "U3"};   // a district and a department
    CHECK(FilterProblems(l, f, today) == Rows{1, 2});
    f = ProblemFilter{};
    f.states = {ProblemState::Closed};
    CHECK(FilterProblems(l, f, today) == Rows{1});
    f = ProblemFilter{};
    f.categories = {ProblemCategory::Funding, ProblemCategory::Approval};
    CHECK(FilterProblems(l, f, today) == Rows{1, 2});
    f = ProblemFilter{};
    f.project_id = "P002";
    CHECK(FilterProblems(l, f, today) == Rows{2});
    f = ProblemFilter{};
    f.open_only = true;
    CHECK(FilterProblems(l, f, today) == Rows{0, 2});
    // Q001 was due 2016-06-30 and is open; Q002 is closed (late or not); Q003 is due 2016-07-05.
    f = ProblemFilter{};
    f.overdue_only = true;
    CHECK(FilterProblems(l, f, today) == Rows{0});
    CHECK(FilterProblems(l, f, Date{2016, 6, 30}).empty());
    CHECK(FilterProblems(l, f, Date{2016, 7, 6}) == Rows{0, 2});
    f = ProblemFilter{};
    f.text = "征地";                                     // the problem's text
    CHECK(FilterProblems(l, f, today) == Rows{0});
    f.text = "醴陵";                                     // its project's name
    CHECK(FilterProblems(l, f, today) == Rows{2});
    f.text = "攸县";                                     // project name, and the unit 攸县
    CHECK(FilterProblems(l, f, today) == Rows{1});
    f.text = "市发改委";                                 // the responsible unit's name
    CHECK(FilterProblems(l, f, today) == Rows{2});
    f.text = "q00";                                      // IDs, any case
    CHECK(FilterProblems(l, f, today) == Rows{0, 1, 2});
    f.open_only = true;
    CHECK(FilterProblems(l, f, today) == Rows{0, 2});

    auto sorted = [&](ProblemColumn column, bool ascending) {
        Rows rows = {0, 1, 2};
        SortProblems(l, rows, column, ascending);
        return rows;
    };
    CHECK(sorted(ProblemColumn::Deadline, true) == Rows{1, 0, 2});      // 05-10, 06-30, 07-05
    CHECK(sorted(ProblemColumn::Deadline, false) == Rows{2, 0, 1});
    CHECK(sorted(ProblemColumn::AssignedDate, true) == Rows{1, 0, 2});  // 04-10, 05-01, 06-05
    CHECK(sorted(ProblemColumn::State, true) == Rows{2, 0, 1});         // assigned, accepted, closed
    CHECK(sorted(ProblemColumn::Category, true) == Rows{0, 1, 2});      // land, funding, approval
    CHECK(sorted(ProblemColumn::Project, true) == Rows{1, 0, 2});       // 攸 < 湘 < 醴
    CHECK(sorted(ProblemColumn::Unit, true) == Rows{0, 2, 1});          // 市住建局 < 市发改委 < 攸县 (市 5E02 < 攸 6538)
    CHECK(sorted(ProblemColumn::Id, false) == Rows{2, 1, 0});
    CHECK(ResponsibleUnitName(l, "D3") == "攸县");
    CHECK(ResponsibleUnitName(l, "U1") == "市住建局");
    CHECK(ResponsibleUnitName(l, "L1").empty());
}

TEST_CASE("query: 10,000 projects filter and sort in a few milliseconds")
{
    Ledger l = SmallLedger();
    std::vector<Project> base = l.projects;
    l.projects.clear();
    for (int i = 0; i < 10000; ++i) {
        Project p = base[static_cast<std::size_t>(i % 4)];
        p.id = "P" + std::to_string(10000 + i);
        p.name += std::to_string(i);
        l.projects.push_back(std::move(p));
    }
    ProjectIndex index;
    auto start = std::chrono::steady_clock::now();
    index.Build(l);
    auto built = std::chrono::steady_clock::now();
    ProjectFilter f = Text("湘江");
    f.district_ids = {"D1", "D3"};
    Rows rows = FilterProjects(l, f, index);
    SortProjects(l, rows, ProjectColumn::PercentOfPlan, false, l.meta.as_of);
    ProjectSums sums = SumProjects(l, rows, l.meta.as_of);
    auto done = std::chrono::steady_clock::now();
    CHECK(rows.size() == 5000);   // P001 and P003 copies
    CHECK(sums.plan == Money::FromWan(2500 * 3000 + 2500 * 2000));
    CHECK(rows.front() % 4 == 2);  // 100 percent first
    double build_ms = std::chrono::duration<double, std::milli>(built - start).count();
    double query_ms = std::chrono::duration<double, std::milli>(done - built).count();
    MESSAGE("10,000 projects: index " << build_ms << " ms, filter + sort + totals " << query_ms << " ms");
    // Generous bounds: they catch a quadratic slip, not a slow machine.
    CHECK(query_ms < 250);
    Rows plain = FilterProjects(l, f);
    CHECK(plain.size() == 5000);
}

TEST_CASE("query: text columns sorted by the caller's ranks")
{
    const Ledger l = SmallLedger();
    // Ranks that reverse the ledger order, as a collator might: they decide, not code points.
    const std::vector<uint32_t> reverse = {3, 2, 1, 0};
    Rows rows = {0, 1, 2, 3};
    SortProjects(l, rows, ProjectColumn::Name, true, l.meta.as_of, reverse);
    CHECK(rows == Rows{3, 2, 1, 0});
    rows = {0, 1, 2, 3};
    SortProjects(l, rows, ProjectColumn::Name, false, l.meta.as_of, reverse);
    CHECK(rows == Rows{0, 1, 2, 3});
    // Equal ranks tie: the incoming order stays.
    rows = {2, 0, 3, 1};
    SortProjects(l, rows, ProjectColumn::District, true, l.meta.as_of, std::vector<uint32_t>{0, 0, 0, 0});
    CHECK(rows == Rows{2, 0, 3, 1});
    // Number columns ignore the ranks; ranks of the wrong size fall back to code points.
    rows = {0, 1, 2, 3};
    SortProjects(l, rows, ProjectColumn::Plan, true, l.meta.as_of, reverse);
    CHECK(rows == Sorted(l, ProjectColumn::Plan, true));
    rows = {0, 1, 2, 3};
    SortProjects(l, rows, ProjectColumn::Name, true, l.meta.as_of, std::vector<uint32_t>{1});
    CHECK(rows == Sorted(l, ProjectColumn::Name, true));
}
