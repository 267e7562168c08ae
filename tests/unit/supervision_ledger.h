// Small ledgers built by hand for the tests of indicators, warnings, rankings and the bulletin.
// The tests work their expected figures out by hand from the tables below. Test code only.
//
// SupervisionLedger(): year 2016, as of 2016-06, default settings (calendar_months, grace 0 days).
//   districts D1 芦淞区, D2 醴陵市, D3 攸县 (D3 has no project); departments U1 市住建局, U2 市交通局;
//   leaders L1 (= U1's projects), L2 (= U2's projects).
//
//   id  unit        plan  funds req  funds in place             start                 target
//   P1  D1 U1 L1    1200  1000       reports: 03 -> 300, 06 -> 500   start_year 2015, actual 2015-06-01   no
//   P2  D1 U2 L2    2400  2000       field 1500 (no report carries funds)  "开工建设" 2016-03-15, actual 2016-05-10  no
//   P3  D2 U1 L1     600   600       field 600                  start_year 2014, actual 2014-03-01; completed 2016-05-31  yes
//   P4  D2 U2 L2    1000     0       -                          "开工" 2016-02-01, not started  yes
//
//   milestones (planned -> actual): P1 M1 03-10 -> 03-08, M2 05-20 -> 05-25, M3 08-31 -> none;
//   P2 开工建设 03-15 -> 05-10; P3 竣工验收 05-31 -> 05-31; P4 开工 02-01 -> none.
//   reports (investment, 万元): P1 100 each month Jan..Jun; P2 May 200, Jun 400; P3 120 each month
//   Jan..May; P4 none.
//
//   problems: Q1 P4 approval, U2, assigned 05-01, deadline 06-10, open
//             Q2 P3 land,     D2, assigned 04-01, deadline 05-01, closed out 05-10 (late)
//             Q3 P1 funding,  D1, assigned 06-05, deadline 06-20, closed out 06-18
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace kpl_test {

inline kpl::Milestone SvMilestone(const char* id, const char* name, kpl::Date planned, std::optional<kpl::Date> actual)
{
    kpl::Milestone m;
    m.id = id;
    m.name = name;
    m.planned = planned;
    m.actual = actual;
    return m;
}

inline kpl::MonthlyReport SvReport(int month, int64_t investment_wan, std::optional<int64_t> funds_wan = std::nullopt)
{
    kpl::MonthlyReport r;
    r.month = kpl::YearMonth{2016, month};
    r.investment = kpl::Money::FromWan(investment_wan);
    if (funds_wan)
        r.funds_in_place = kpl::Money::FromWan(*funds_wan);
    return r;
}

inline kpl::Problem SvProblem(const char* id, const char* project, kpl::ProblemCategory category, const char* unit,
                              kpl::Date assigned, kpl::Date deadline, std::optional<kpl::Date> closed)
{
    kpl::Problem p;
    p.id = id;
    p.project_id = project;
    p.category = category;
    p.text = std::string("问题") + id;
    p.responsible_unit_id = unit;
    p.assigned_date = assigned;
    p.deadline = deadline;
    kpl::ProblemAction a;
    a.id = std::string(id) + "-A1";
    a.kind = kpl::ActionKind::Assign;
    a.date = assigned;
    p.history.push_back(a);
    p.state = kpl::ProblemState::Assigned;
    if (closed) {
        a.id = std::string(id) + "-A2";
        a.kind = kpl::ActionKind::CloseOut;
        a.date = *closed;
        p.history.push_back(a);
        p.state = kpl::ProblemState::Closed;
    }
    return p;
}

// A project with only what the rules look at; the rest is left empty.
inline kpl::Project SvProject(const char* id, const char* district, const char* department, const char* leader,
                              int64_t plan_wan, int64_t funds_required_wan)
{
    kpl::Project p;
    p.id = id;
    p.name = std::string("项目") + id;
    p.district_id = district;
    p.department_id = department;
    p.city_leader_id = leader;
    p.plan = kpl::Money::FromWan(plan_wan);
    p.funds_required = kpl::Money::FromWan(funds_required_wan);
    p.status = kpl::ProjectStatus::UnderConstruction;
    return p;
}

inline kpl::Ledger SvBase()
{
    using namespace kpl;
    Ledger l;
    l.ledger_id = "sv-2016";
    l.meta.title = "测试台账";
    l.meta.year = 2016;
    l.meta.as_of = YearMonth{2016, 6};
    l.meta.issuing_unit = "项目竣工攻坚组办公室";
    auto district = [&](const char* id, const char* name) {
        District d;
        d.id = id;
        d.name = name;
        l.districts.push_back(d);
    };
    district("D1", "芦淞区");
    district("D2", "醴陵市");
    district("D3", "攸县");
    auto department = [&](const char* id, const char* name) {
        Department d;
        d.id = id;
        d.name = name;
        l.departments.push_back(d);
    };
    department("U1", "市住建局");
    department("U2", "市交通局");
    CityLeader c1;
    c1.id = "L1";
    c1.title = "副市长（分管城建）";
    CityLeader c2;
    c2.id = "L2";
    c2.title = "副市长（分管交通）";
    l.city_leaders = {c1, c2};
    return l;
}

inline kpl::Ledger SupervisionLedger()
{
    using namespace kpl;
    Ledger l = SvBase();

    Project p1 = SvProject("P1", "D1", "U1", "L1", 1200, 1000);
    p1.start_year = 2015;
    p1.actual_start = Date{2015, 6, 1};
    p1.milestones = {SvMilestone("P1-M1", "基础工程完成", Date{2016, 3, 10}, Date{2016, 3, 8}),
                     SvMilestone("P1-M2", "主体封顶", Date{2016, 5, 20}, Date{2016, 5, 25}),
                     SvMilestone("P1-M3", "装修完成", Date{2016, 8, 31}, std::nullopt)};
    p1.reports = {SvReport(1, 100), SvReport(2, 100), SvReport(3, 100, 300),
                  SvReport(4, 100), SvReport(5, 100), SvReport(6, 100, 500)};
    p1.funds_in_place = Money::FromWan(500);
    l.projects.push_back(p1);

    Project p2 = SvProject("P2", "D1", "U2", "L2", 2400, 2000);
    p2.start_year = 2016;
    p2.actual_start = Date{2016, 5, 10};
    p2.funds_in_place = Money::FromWan(1500);
    p2.milestones = {SvMilestone("P2-M1", "开工建设", Date{2016, 3, 15}, Date{2016, 5, 10})};
    p2.reports = {SvReport(5, 200), SvReport(6, 400)};
    l.projects.push_back(p2);

    Project p3 = SvProject("P3", "D2", "U1", "L1", 600, 600);
    p3.start_year = 2014;
    p3.actual_start = Date{2014, 3, 1};
    p3.status = ProjectStatus::Completed;
    p3.actual_completion = Date{2016, 5, 31};
    p3.completion_target = true;
    p3.funds_in_place = Money::FromWan(600);
    p3.milestones = {SvMilestone("P3-M1", "竣工验收", Date{2016, 5, 31}, Date{2016, 5, 31})};
    p3.reports = {SvReport(1, 120), SvReport(2, 120), SvReport(3, 120), SvReport(4, 120), SvReport(5, 120)};
    l.projects.push_back(p3);

    Project p4 = SvProject("P4", "D2", "U2", "L2", 1000, 0);
    p4.start_year = 2016;
    p4.status = ProjectStatus::NotStarted;
    p4.completion_target = true;
    p4.milestones = {SvMilestone("P4-M1", "开工", Date{2016, 2, 1}, std::nullopt)};
    l.projects.push_back(p4);

    l.problems = {
        SvProblem("Q1", "P4", ProblemCategory::Approval, "U2", Date{2016, 5, 1}, Date{2016, 6, 10}, std::nullopt),
        SvProblem("Q2", "P3", ProblemCategory::Land, "D2", Date{2016, 4, 1}, Date{2016, 5, 1}, Date{2016, 5, 10}),
        SvProblem("Q3", "P1", ProblemCategory::Funding, "D1", Date{2016, 6, 5}, Date{2016, 6, 20}, Date{2016, 6, 18}),
    };
    return l;
}

} // namespace kpl_test
