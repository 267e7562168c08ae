// Builds the projects table's records from a ledger; sorting and totals are core's.
#include "project_rows.h"

#include <unordered_map>

#include "core/summary.h"
#include "format.h"

namespace kpl::ui {

namespace {

// Ranks one text column: distinct strings are ranked once (the collator is a browser call), rows
// share the result.
std::vector<uint32_t> RankColumn(const std::vector<ProjectRow>& rows, std::string ProjectRow::*text,
                                 const CollationFn& collate)
{
    std::unordered_map<std::string, std::size_t> index_of;
    std::vector<std::string> distinct;
    for (const ProjectRow& row : rows)
        if (index_of.emplace(row.*text, distinct.size()).second)
            distinct.push_back(row.*text);
    const std::vector<uint32_t> ranks = collate(distinct);
    std::vector<uint32_t> result(rows.size(), 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t i = index_of[rows[r].*text];
        result[r] = i < ranks.size() ? ranks[i] : 0;
    }
    return result;
}

} // namespace

ProjectTable BuildProjectTable(const Ledger& ledger, const CollationFn& collate, const char* missing)
{
    // Lookups by ID through maps: a 10,000-project ledger may name many districts and units.
    std::unordered_map<std::string, const std::string*> district_names, department_names, leader_titles;
    for (const District& d : ledger.districts)
        district_names.emplace(d.id, &d.name);
    for (const Department& d : ledger.departments)
        department_names.emplace(d.id, &d.name);
    for (const CityLeader& l : ledger.city_leaders)
        leader_titles.emplace(l.id, &l.title);
    auto name_of = [](const auto& names, const std::string& id) {
        const auto it = names.find(id);
        return it != names.end() ? *it->second : id;  // a dangling ID shows as itself
    };

    ProjectTable table;
    table.rows.reserve(ledger.projects.size());
    const std::optional<YearMonth> as_of = ledger.meta.as_of;
    int seq = 0;
    for (const Project& project : ledger.projects) {
        ProjectRow row;
        row.seq = ++seq;
        row.id = project.id;
        row.code = project.code;
        row.name = project.name;
        row.category = project.category;
        row.district = name_of(district_names, project.district_id);
        row.department = name_of(department_names, project.department_id);
        row.leader = name_of(leader_titles, project.city_leader_id);
        row.percent = PercentOfPlan(project, ledger.meta.year, as_of);
        row.status = project.status;
        row.completion_target = project.completion_target;
        row.plan_text = project.plan.ToDisplay();
        row.completed_text = CompletedThisYear(project, ledger.meta.year, as_of).ToDisplay();
        row.percent_text = FormatPercent(row.percent, missing);
        row.total_text = project.total_investment.ToDisplay();
        row.funds_rate_text = FormatPercent(FundsInPlaceRate(project), missing);
        row.latest_text = FormatPercent(LatestPercentComplete(project, as_of), missing);
        table.rows.push_back(std::move(row));
    }
    auto rank = [&](ProjectColumn column, std::string ProjectRow::*text) {
        table.ranks[static_cast<int>(column)] = RankColumn(table.rows, text, collate);
    };
    rank(ProjectColumn::Code, &ProjectRow::code);
    rank(ProjectColumn::Name, &ProjectRow::name);
    rank(ProjectColumn::Category, &ProjectRow::category);
    rank(ProjectColumn::District, &ProjectRow::district);
    rank(ProjectColumn::Department, &ProjectRow::department);
    rank(ProjectColumn::CityLeader, &ProjectRow::leader);
    return table;
}

ProjectTotals FormatTotals(const ProjectSums& sums, const char* missing)
{
    ProjectTotals totals;
    totals.project_count = static_cast<int>(sums.project_count);
    totals.target_count = static_cast<int>(sums.completion_target_count);
    totals.percent = sums.percent_of_plan;
    totals.plan_text = sums.plan.ToDisplay();
    totals.completed_text = sums.completed_this_year.ToDisplay();
    totals.percent_text = FormatPercent(sums.percent_of_plan, missing);
    totals.total_text = sums.total_investment.ToDisplay();
    totals.funds_rate_text = FormatPercent(sums.funds_in_place_rate, missing);
    return totals;
}

void SortTableRows(const Ledger& ledger, const ProjectTable& table, const std::vector<SortKey>& keys,
                   std::vector<int>& rows)
{
    // Stable sorts from the least significant key to the most: the first key decides, later
    // keys break its ties, and full ties keep the incoming (ledger) order.
    for (auto key = keys.rbegin(); key != keys.rend(); ++key)
        SortProjects(ledger, rows, key->column, !key->descending, ledger.meta.as_of,
                     table.ranks[static_cast<int>(key->column)]);
}

} // namespace kpl::ui
