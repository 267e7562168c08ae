// A small ledger built by hand in code, for the tests of validation, editing and queries: four
// projects and three problems whose figures the tests work out by hand. Test code only.
//
//   row  id    name                     district   department  leader  category  plan  done*  status      target
//   0    P001  湘江风光带提质改造         D1 芦淞区  U1 市住建局  L1 城建  基础设施  3000  1500   在建        no
//   1    P002  醴陵陶瓷产业园标准厂房     D2 醴陵市  U3 市发改委  L2 交通  产业      5000  0      未开工      yes
//   2    P003  攸县湘东大道 Road Works    D3 攸县    U2 市交通局  L2 交通  基础设施  2000  2000   已竣工      yes
//   3    P004  芦淞区社区卫生服务中心     D1 芦淞区  U1 市住建局  L1 城建  社会民生  0     0      已投产      no
//   (* completed this year through the as-of month 2016-06)
//
//   Q001  P001 land      U1  2016-05-01 .. 2016-06-30  accepted   (assign, accept)
//   Q002  P003 funding   D3  2016-04-10 .. 2016-05-10  closed     (assign, accept, close_out)
//   Q003  P002 approval  U3  2016-06-05 .. 2016-07-05  assigned   (assign)
#pragma once
#include <string>

#include "model.h"

namespace kpl_test {

inline kpl::RecordStamp TestStamp(int64_t revision, const char* by, const char* at)
{
    kpl::RecordStamp s;
    s.revision = revision;
    s.modified_by = by;
    s.modified_at = at;
    return s;
}

inline kpl::MonthlyReport TestReport(int month, int64_t investment_wan, double percent, const char* text)
{
    kpl::MonthlyReport r;
    r.month = kpl::YearMonth{2016, month};
    r.investment = kpl::Money::FromWan(investment_wan);
    r.percent_complete = percent;
    r.progress_text = text;
    r.stamp = TestStamp(1, "市住建局", "2016-06-28T17:00:00+08:00");
    return r;
}

inline kpl::Milestone TestMilestone(const char* id, const char* name, kpl::Date planned, std::optional<kpl::Date> actual)
{
    kpl::Milestone m;
    m.id = id;
    m.name = name;
    m.planned = planned;
    m.actual = actual;
    m.stamp = TestStamp(1, "市住建局", "2016-04-15T09:00:00+08:00");
    return m;
}

// A milestone planned for 2016-09-01, not reached.
inline kpl::Milestone TestMilestoneFor(const char* id)
{
    return TestMilestone(id, "节点", kpl::Date{2016, 9, 1}, std::nullopt);
}

// An empty report for a month of any year.
inline kpl::MonthlyReport TestReportFor(int year, int month, double percent)
{
    kpl::MonthlyReport r = TestReport(month, 0, percent, "");
    r.month.year = year;
    return r;
}

inline kpl::ProblemAction TestAction(const char* id, kpl::ActionKind kind, kpl::Date date, const char* by, const char* text)
{
    kpl::ProblemAction a;
    a.id = id;
    a.kind = kind;
    a.date = date;
    a.by = by;
    a.text = text;
    a.stamp = TestStamp(1, by, "2016-06-01T09:00:00+08:00");
    return a;
}

inline kpl::Ledger SmallLedger()
{
    using namespace kpl;
    Ledger l;
    l.ledger_id = "test-2016";
    l.revision = 10;
    l.meta.title = "测试台账";
    l.meta.year = 2016;
    l.meta.as_of = YearMonth{2016, 6};
    l.meta.issuing_unit = "项目竣工攻坚组办公室";
    l.meta.stamp = TestStamp(3, "项目竣工攻坚组办公室", "2016-06-30T17:00:00+08:00");
    l.task_force.name = "项目竣工攻坚组";
    l.task_force.office = "市住建局";
    TaskForceRole role;
    role.id = "R1";
    role.role = "组长";
    role.holder = "市长";
    l.task_force.roles.push_back(role);
    l.task_force.member_unit_ids = {"U1", "U2", "U3"};

    auto district = [&](const char* id, const char* name, DistrictKind kind) {
        District d;
        d.id = id;
        d.name = name;
        d.kind = kind;
        l.districts.push_back(d);
    };
    district("D1", "芦淞区", DistrictKind::District);
    district("D2", "醴陵市", DistrictKind::City);
    district("D3", "攸县", DistrictKind::County);
    auto department = [&](const char* id, const char* name) {
        Department d;
        d.id = id;
        d.name = name;
        l.departments.push_back(d);
    };
    department("U1", "市住建局");
    department("U2", "市交通局");
    department("U3", "市发改委");
    auto leader = [&](const char* id, const char* title) {
        CityLeader c;
        c.id = id;
        c.title = title;
        l.city_leaders.push_back(c);
    };
    leader("L1", "副市长（分管城建）");
    leader("L2", "副市长（分管交通）");

    Project p1;
    p1.id = "P001";
    p1.code = "2015-430211-78-03-000123";
    p1.name = "湘江风光带提质改造";
    p1.category = "基础设施";
    p1.district_id = "D1";
    p1.owner_unit = "株洲市城市建设发展集团";
    p1.content = "提质改造湘江西岸风光带6.8公里";
    p1.start_year = 2015;
    p1.planned_completion = Date{2017, 10, 31};
    p1.city_leader_id = "L1";
    p1.department_id = "U1";
    p1.responsible_leader = "市住建局分管副局长";
    p1.responsible_person = "市住建局建管科科长";
    p1.contact = "建管科";
    p1.total_investment = Money::FromWan(15000);
    p1.completed_before_year = Money::FromWan(5000);
    p1.plan = Money::FromWan(3000);
    p1.funds_required = Money::FromWan(3000);
    p1.funds_in_place = Money::FromWan(1500);
    p1.status = ProjectStatus::UnderConstruction;
    p1.actual_start = Date{2015, 9, 1};
    p1.milestones = {TestMilestone("P001-M1", "施工许可", Date{2016, 3, 1}, Date{2016, 3, 20}),
                     TestMilestone("P001-M2", "滨江步道贯通", Date{2016, 12, 1}, std::nullopt)};
    p1.reports = {TestReport(4, 500, 40, "路基施工"), TestReport(5, 700, 50, "步道铺装"), TestReport(6, 300, 55, "绿化施工")};
    p1.stamp = TestStamp(4, "市住建局", "2016-06-28T17:00:00+08:00");
    l.projects.push_back(p1);

    Project p2;
    p2.id = "P002";
    p2.name = "醴陵陶瓷产业园标准厂房";
    p2.category = "产业";
    p2.district_id = "D2";
    p2.owner_unit = "醴陵经开区投资公司";
    p2.content = "新建标准厂房12万平方米";
    p2.start_year = 2016;
    p2.city_leader_id = "L2";
    p2.department_id = "U3";
    p2.responsible_leader = "市发改委分管副主任";
    p2.responsible_person = "市发改委重点办主任";
    p2.total_investment = Money::FromWan(20000);
    p2.plan = Money::FromWan(5000);
    p2.funds_required = Money::FromWan(5000);
    p2.funds_in_place = Money::FromWan(5000);
    p2.status = ProjectStatus::NotStarted;
    p2.completion_target = true;
    p2.stamp = TestStamp(1, "市发改委", "2016-04-01T09:00:00+08:00");
    l.projects.push_back(p2);

    Project p3;
    p3.id = "P003";
    p3.code = "2016-430200-48-01-000456";
    p3.name = "攸县湘东大道 Road Works";
    p3.category = "基础设施";
    p3.district_id = "D3";
    p3.owner_unit = "攸县交通建设投资公司";
    p3.content = "道路改造，连接湘江大桥";
    p3.start_year = 2015;
    p3.planned_completion = Date{2016, 6, 30};
    p3.city_leader_id = "L2";
    p3.department_id = "U2";
    p3.responsible_leader = "市交通局分管副局长";
    p3.responsible_person = "市交通局建设科科长";
    p3.total_investment = Money::FromWan(8000);
    p3.completed_before_year = Money::FromWan(6000);
    p3.plan = Money::FromWan(2000);
    p3.funds_required = Money::FromWan(2000);
    p3.funds_in_place = Money::FromWan(1000);
    p3.status = ProjectStatus::Completed;
    p3.completion_target = true;
    p3.actual_start = Date{2015, 3, 1};
    p3.actual_completion = Date{2016, 6, 25};
    p3.reports = {TestReport(5, 1200, 90, "路面施工"), TestReport(6, 800, 100, "已竣工")};
    p3.stamp = TestStamp(2, "市交通局", "2016-06-28T17:00:00+08:00");
    l.projects.push_back(p3);

    Project p4;
    p4.id = "P004";
    p4.code = "2014-430202-83-01-000789";
    p4.name = "芦淞区社区卫生服务中心";
    p4.category = "社会民生";
    p4.district_id = "D1";
    p4.owner_unit = "芦淞区卫健局";
    p4.content = "新建业务用房";
    p4.start_year = 2014;
    p4.city_leader_id = "L1";
    p4.department_id = "U1";
    p4.total_investment = Money::FromWan(1000);
    p4.completed_before_year = Money::FromWan(1000);
    p4.status = ProjectStatus::Commissioned;
    p4.reports = {TestReport(4, 0, 100, "已投入使用")};
    l.projects.push_back(p4);

    Problem q1;
    q1.id = "Q001";
    q1.project_id = "P001";
    q1.category = ProblemCategory::Land;
    q1.text = "征地拆迁剩余3户未签约";
    q1.responsible_unit_id = "U1";
    q1.assigned_date = Date{2016, 5, 1};
    q1.deadline = Date{2016, 6, 30};
    q1.state = ProblemState::Accepted;
    q1.history = {TestAction("Q001-A1", ActionKind::Assign, Date{2016, 5, 1}, "项目竣工攻坚组办公室", "请协调"),
                  TestAction("Q001-A2", ActionKind::Accept, Date{2016, 5, 3}, "市住建局", "已签收")};
    q1.stamp = TestStamp(2, "市住建局", "2016-05-03T09:00:00+08:00");
    l.problems.push_back(q1);

    Problem q2;
    q2.id = "Q002";
    q2.project_id = "P003";
    q2.category = ProblemCategory::Funding;
    q2.text = "配套资金未到位";
    q2.responsible_unit_id = "D3";
    q2.assigned_date = Date{2016, 4, 10};
    q2.deadline = Date{2016, 5, 10};
    q2.state = ProblemState::Closed;
    q2.history = {TestAction("Q002-A1", ActionKind::Assign, Date{2016, 4, 10}, "项目竣工攻坚组办公室", ""),
                  TestAction("Q002-A2", ActionKind::Accept, Date{2016, 4, 12}, "攸县人民政府", ""),
                  TestAction("Q002-A3", ActionKind::CloseOut, Date{2016, 5, 8}, "项目竣工攻坚组办公室", "资金已拨付")};
    q2.stamp = TestStamp(3, "项目竣工攻坚组办公室", "2016-05-08T09:00:00+08:00");
    l.problems.push_back(q2);

    Problem q3;
    q3.id = "Q003";
    q3.project_id = "P002";
    q3.category = ProblemCategory::Approval;
    q3.text = "施工许可审批滞后";
    q3.responsible_unit_id = "U3";
    q3.assigned_date = Date{2016, 6, 5};
    q3.deadline = Date{2016, 7, 5};
    q3.state = ProblemState::Assigned;
    q3.history = {TestAction("Q003-A1", ActionKind::Assign, Date{2016, 6, 5}, "项目竣工攻坚组办公室", "")};
    q3.stamp = TestStamp(1, "项目竣工攻坚组办公室", "2016-06-05T09:00:00+08:00");
    l.problems.push_back(q3);
    return l;
}

} // namespace kpl_test
