// Walks a ledger's text for the glyph set. Keep it in step with model.h: a string field missing
// here shows as '?' boxes once a view displays it.
#include "ledger_text.h"

namespace kpl::ui {

namespace {

void VisitStamp(const RecordStamp& stamp, const std::function<void(std::string_view)>& visit)
{
    visit(stamp.modified_by);
    visit(stamp.modified_at);
}

} // namespace

void ForEachLedgerString(const Ledger& ledger, const std::function<void(std::string_view)>& visit)
{
    visit(ledger.ledger_id);
    const LedgerMeta& meta = ledger.meta;
    visit(meta.title);
    visit(meta.money_unit);
    visit(meta.issuing_unit);
    VisitStamp(meta.stamp, visit);

    visit(ledger.task_force.name);
    visit(ledger.task_force.office);
    for (const TaskForceRole& role : ledger.task_force.roles) {
        visit(role.role);
        visit(role.holder);
    }
    for (const District& district : ledger.districts) {
        visit(district.name);
        VisitStamp(district.stamp, visit);
    }
    for (const Department& department : ledger.departments) {
        visit(department.name);
        VisitStamp(department.stamp, visit);
    }
    for (const CityLeader& leader : ledger.city_leaders) {
        visit(leader.title);
        VisitStamp(leader.stamp, visit);
    }
    for (const Project& project : ledger.projects) {
        visit(project.id);
        visit(project.code);
        visit(project.name);
        visit(project.category);
        visit(project.owner_unit);
        visit(project.content);
        visit(project.responsible_leader);
        visit(project.responsible_person);
        visit(project.contact);
        VisitStamp(project.stamp, visit);
        for (const Milestone& milestone : project.milestones)
            visit(milestone.name);
        for (const MonthlyReport& report : project.reports) {
            visit(report.progress_text);
            visit(report.problems_text);
        }
    }
    for (const Problem& problem : ledger.problems) {
        visit(problem.text);
        for (const ProblemAction& action : problem.history) {
            visit(action.by);
            visit(action.text);
        }
    }
}

void ForEachEnumLabel(const std::function<void(std::string_view)>& visit)
{
    for (ProjectStatus v : {ProjectStatus::NotStarted, ProjectStatus::UnderConstruction,
                            ProjectStatus::Completed, ProjectStatus::Commissioned})
        visit(ChineseLabel(v));
    for (ProblemCategory v : {ProblemCategory::Land, ProblemCategory::Traffic, ProblemCategory::Road,
                              ProblemCategory::Power, ProblemCategory::Funding, ProblemCategory::Approval,
                              ProblemCategory::Other})
        visit(ChineseLabel(v));
    for (ProblemState v : {ProblemState::Assigned, ProblemState::Accepted, ProblemState::Feedback,
                           ProblemState::Closed, ProblemState::Reopened})
        visit(ChineseLabel(v));
    for (ActionKind v : {ActionKind::Assign, ActionKind::Accept, ActionKind::Feedback,
                         ActionKind::Supervise, ActionKind::CloseOut, ActionKind::Reopen})
        visit(ChineseLabel(v));
    for (DistrictKind v : {DistrictKind::District, DistrictKind::County, DistrictKind::City, DistrictKind::Zone})
        visit(ChineseLabel(v));
}

} // namespace kpl::ui
