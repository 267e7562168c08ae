// Builds the projects table's records from a ledger; sorting and totals are core's.
#include "project_rows.h"

#include <algorithm>
#include <unordered_map>

#include "core/summary.h"
#include "format.h"

namespace kpl::ui {

namespace {

// Ranks of `strings` in the order of their memo ranks (all of them are in `memo`), the way the
// collator ranks: equal strings (equal memo rank) share the place of the first of them.
std::vector<uint32_t> RanksFromMemo(const std::vector<std::string>& strings,
                                    const std::vector<uint32_t>& memo_ranks)
{
    std::vector<uint32_t> order(strings.size());
    for (uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return memo_ranks[a] < memo_ranks[b]; });
    std::vector<uint32_t> ranks(strings.size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const bool ties_previous = k > 0 && memo_ranks[order[k - 1]] == memo_ranks[order[k]];
        ranks[order[k]] = ties_previous ? ranks[order[k - 1]] : static_cast<uint32_t>(k);
    }
    return ranks;
}

// Ranks one text column: distinct strings are ranked once (the collator is a browser call), rows
// share the result.
std::vector<uint32_t> RankColumn(const std::vector<ProjectRow>& rows, std::string ProjectRow::*text,
                                 const CollationFn& collate, CollationMemo* memo, int column)
{
    std::unordered_map<std::string, std::size_t> index_of;
    std::vector<std::string> distinct;
    for (const ProjectRow& row : rows)
        if (index_of.emplace(row.*text, distinct.size()).second)
            distinct.push_back(row.*text);

    std::vector<uint32_t> ranks;
    if (!memo) {
        ranks = collate(distinct);
    } else {
        std::unordered_map<std::string, uint32_t>& known = memo->ranks[column];
        // Known strings first, in their memo order; strings never ranked last.
        std::vector<uint32_t> memo_rank(distinct.size(), 0);
        std::vector<std::size_t> unknown;
        for (std::size_t i = 0; i < distinct.size(); ++i) {
            const auto it = known.find(distinct[i]);
            if (it != known.end())
                memo_rank[i] = it->second;
            else
                unknown.push_back(i);
        }
        if (unknown.empty()) {
            ranks = RanksFromMemo(distinct, memo_rank);
        } else {
            std::vector<std::size_t> order;
            order.reserve(distinct.size());
            for (std::size_t i = 0; i < distinct.size(); ++i)
                if (known.count(distinct[i]))
                    order.push_back(i);
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return memo_rank[a] < memo_rank[b]; });
            order.insert(order.end(), unknown.begin(), unknown.end());
            std::vector<std::string> ordered;
            ordered.reserve(order.size());
            for (const std::size_t i : order)
                ordered.push_back(distinct[i]);
            const std::vector<uint32_t> ordered_ranks = collate(ordered);
            ++memo->collator_calls;
            memo->strings_collated += ordered.size();
            ranks.assign(distinct.size(), 0);
            known.clear();
            for (std::size_t k = 0; k < order.size() && k < ordered_ranks.size(); ++k) {
                ranks[order[k]] = ordered_ranks[k];
                known.emplace(std::move(ordered[k]), ordered_ranks[k]);
            }
        }
    }
    std::vector<uint32_t> result(rows.size(), 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t i = index_of[rows[r].*text];
        result[r] = i < ranks.size() ? ranks[i] : 0;
    }
    return result;
}

} // namespace

ProjectTable BuildProjectTable(const Ledger& ledger, const CollationFn& collate, const char* missing,
                               CollationMemo* memo)
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
        table.ranks[static_cast<int>(column)] = RankColumn(table.rows, text, collate, memo, static_cast<int>(column));
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
