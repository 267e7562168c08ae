// Walks a ledger's text for the glyph set. Keep it in step with model.h: a string field missing
// here shows as '?' boxes once a view displays it.
#include "ledger_text.h"

#include <type_traits>

namespace kpl::ui {

namespace {

template <typename Visit>
void VisitStamp(const RecordStamp& stamp, Visit& visit)
{
    visit(stamp.modified_by);
    visit(stamp.modified_at);
}

// Everything but the projects and problems: a few hundred strings at most.
template <typename Visit>
void VisitSmallParts(const Ledger& ledger, Visit& visit)
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
}

template <typename Visit>
void VisitProject(const Project& project, Visit& visit)
{
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

template <typename Visit>
void VisitProblem(const Problem& problem, Visit& visit)
{
    visit(problem.text);
    for (const ProblemAction& action : problem.history) {
        visit(action.by);
        visit(action.text);
    }
}

// FNV-1a, 64 bits: plain, and the same natively and in wasm32.
struct Fnv64 {
    uint64_t value = 14695981039346656037ull;
    void Add(std::string_view bytes)
    {
        for (const char c : bytes) {
            value ^= static_cast<unsigned char>(c);
            value *= 1099511628211ull;
        }
        value ^= 0xFF;  // a separator no UTF-8 text contains: ("ab","c") differs from ("a","bc")
        value *= 1099511628211ull;
    }
    void Add(uint64_t number)
    {
        for (int k = 0; k < 8; ++k) {
            value ^= (number >> (8 * k)) & 0xFF;
            value *= 1099511628211ull;
        }
    }
};

// A record's form: kind, ID, stamp and the length of all its text. Text only changes with the
// stamp (core stamps every edited record); the length guards the odd case of two different edits
// of one revision by the same actor within the same second (edit, undo, edit again).
template <typename Record>
uint64_t FormOf(char kind, const Record& record)
{
    uint64_t text_bytes = 0;
    auto count = [&text_bytes](std::string_view text) { text_bytes += text.size(); };
    if constexpr (std::is_same_v<Record, Project>)
        VisitProject(record, count);
    else
        VisitProblem(record, count);
    Fnv64 hash;
    hash.Add(std::string_view(&kind, 1));
    hash.Add(record.id);
    hash.Add(static_cast<uint64_t>(record.stamp.revision));
    hash.Add(record.stamp.modified_by);
    hash.Add(record.stamp.modified_at);
    hash.Add(text_bytes);
    return hash.value;
}

} // namespace

void ForEachLedgerString(const Ledger& ledger, const std::function<void(std::string_view)>& visit)
{
    VisitSmallParts(ledger, visit);
    for (const Project& project : ledger.projects)
        VisitProject(project, visit);
    for (const Problem& problem : ledger.problems)
        VisitProblem(problem, visit);
}

void LedgerTextScanner::VisitNew(const Ledger& ledger, const std::function<void(std::string_view)>& visit)
{
    records_visited_ = 0;
    VisitSmallParts(ledger, visit);
    for (const Project& project : ledger.projects)
        if (seen_.insert(FormOf('p', project)).second) {
            VisitProject(project, visit);
            ++records_visited_;
        }
    for (const Problem& problem : ledger.problems)
        if (seen_.insert(FormOf('q', problem)).second) {
            VisitProblem(problem, visit);
            ++records_visited_;
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
