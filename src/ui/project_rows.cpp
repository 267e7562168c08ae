// Builds and sorts the projects table's records.
#include "project_rows.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/summary.h"
#include "format.h"

namespace kpl::ui {

namespace {

// Ranks the values of one text column: distinct strings are ranked once, rows share the result.
void RankColumn(std::vector<ProjectRow>& rows, std::string ProjectRow::*text, uint32_t ProjectRow::*rank,
                const CollationFn& collate)
{
    std::unordered_map<std::string, size_t> index_of;
    std::vector<std::string> distinct;
    for (const ProjectRow& row : rows)
        if (index_of.emplace(row.*text, distinct.size()).second)
            distinct.push_back(row.*text);
    const std::vector<uint32_t> ranks = collate(distinct);
    for (ProjectRow& row : rows) {
        const size_t i = index_of[row.*text];
        row.*rank = i < ranks.size() ? ranks[i] : 0;
    }
}

// -1, 0, 1 for one column; rows without a percentage always last.
int CompareColumn(const ProjectRow& a, const ProjectRow& b, ProjectColumn column, bool descending)
{
    auto three_way = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    int result = 0;
    switch (column) {
    case ProjectColumn::Seq: result = three_way(a.seq, b.seq); break;
    case ProjectColumn::Name: result = three_way(a.name_rank, b.name_rank); break;
    case ProjectColumn::District: result = three_way(a.district_rank, b.district_rank); break;
    case ProjectColumn::Department: result = three_way(a.department_rank, b.department_rank); break;
    case ProjectColumn::Leader: result = three_way(a.leader_rank, b.leader_rank); break;
    case ProjectColumn::Plan: result = three_way(a.plan.Cents(), b.plan.Cents()); break;
    case ProjectColumn::Completed: result = three_way(a.completed.Cents(), b.completed.Cents()); break;
    case ProjectColumn::Percent:
        if (a.percent.has_value() != b.percent.has_value())
            return a.percent.has_value() ? -1 : 1;  // not flipped by `descending`
        if (a.percent)
            result = three_way(*a.percent, *b.percent);
        break;
    case ProjectColumn::Status:
        result = three_way(static_cast<int>(a.status), static_cast<int>(b.status));
        break;
    case ProjectColumn::Target: result = three_way(a.completion_target, b.completion_target); break;
    case ProjectColumn::Count: break;
    }
    return descending ? -result : result;
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
    ProjectTotals& totals = table.totals;
    int seq = 0;
    for (const Project& project : ledger.projects) {
        ProjectRow row;
        row.seq = ++seq;
        row.id = project.id;
        row.name = project.name;
        row.district = name_of(district_names, project.district_id);
        row.department = name_of(department_names, project.department_id);
        row.leader = name_of(leader_titles, project.city_leader_id);
        row.plan = project.plan;
        row.completed = CompletedThisYear(project, ledger.meta.year, ledger.meta.as_of);
        row.percent = Percent(row.completed, row.plan);
        row.status = project.status;
        row.completion_target = project.completion_target;
        row.plan_text = row.plan.ToDisplay();
        row.completed_text = row.completed.ToDisplay();
        row.percent_text = FormatPercent(row.percent, missing);

        ++totals.project_count;
        totals.target_count += row.completion_target ? 1 : 0;
        totals.plan += row.plan;
        totals.completed += row.completed;
        table.rows.push_back(std::move(row));
    }
    totals.percent = Percent(totals.completed, totals.plan);
    totals.plan_text = totals.plan.ToDisplay();
    totals.completed_text = totals.completed.ToDisplay();
    totals.percent_text = FormatPercent(totals.percent, missing);

    RankColumn(table.rows, &ProjectRow::name, &ProjectRow::name_rank, collate);
    RankColumn(table.rows, &ProjectRow::district, &ProjectRow::district_rank, collate);
    RankColumn(table.rows, &ProjectRow::department, &ProjectRow::department_rank, collate);
    RankColumn(table.rows, &ProjectRow::leader, &ProjectRow::leader_rank, collate);
    return table;
}

void SortRows(const ProjectTable& table, const std::vector<SortKey>& keys, std::vector<int>& order)
{
    order.resize(table.rows.size());
    std::iota(order.begin(), order.end(), 0);
    if (keys.empty())
        return;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        for (const SortKey& key : keys) {
            const int c = CompareColumn(table.rows[static_cast<size_t>(a)], table.rows[static_cast<size_t>(b)],
                                        key.column, key.descending);
            if (c != 0)
                return c < 0;
        }
        return false;  // stable: ties keep ledger order
    });
}

} // namespace kpl::ui
