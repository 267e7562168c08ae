// Filters, sorting and totals for the projects table and the problems board.
//
// [SECTION] Text matching
// [SECTION] Names by ID
// [SECTION] Projects: filter
// [SECTION] Projects: sort and totals
// [SECTION] Problems
#include "query.h"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "summary.h"

namespace kpl {

//-----------------------------------------------------------------------------
// [SECTION] Text matching
//-----------------------------------------------------------------------------

namespace {

char FoldChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `folded_word` occurs in `text`, folding `text` on the fly: no copy of the text. A word
// is whole UTF-8 sequences and so is the text, so a byte match is a character match.
bool ContainsFolded(std::string_view text, std::string_view folded_word)
{
    if (folded_word.size() > text.size())
        return false;
    auto at = std::search(text.begin(), text.end(), folded_word.begin(), folded_word.end(),
                          [](char a, char b) { return FoldChar(a) == b; });
    return at != text.end();
}

template <typename T>
bool Holds(const std::vector<T>& list, const T& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

} // namespace

std::string FoldAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = FoldChar(c);
    return out;
}

std::vector<std::string> SearchWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    auto flush = [&]() {
        if (!word.empty())
            words.push_back(FoldAscii(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            flush();
        } else if (text.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 IDEOGRAPHIC SPACE
            flush();
            i += 2;
        } else {
            word += c;
        }
    }
    flush();
    return words;
}

bool ContainsAllWords(std::string_view folded_haystack, const std::vector<std::string>& words)
{
    for (const std::string& word : words)
        if (folded_haystack.find(word) == std::string_view::npos)
            return false;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Names by ID
//-----------------------------------------------------------------------------

namespace {

const std::string kNoName;

// The names of the short reference lists, hashed once per query.
class Names {
public:
    explicit Names(const Ledger& ledger)
    {
        for (const District& d : ledger.districts)
            districts_.emplace(d.id, &d.name);
        for (const Department& d : ledger.departments)
            departments_.emplace(d.id, &d.name);
        for (const CityLeader& c : ledger.city_leaders)
            leaders_.emplace(c.id, &c.title);
    }
    const std::string& DistrictName(const std::string& id) const { return Get(districts_, id); }
    const std::string& DepartmentName(const std::string& id) const { return Get(departments_, id); }
    const std::string& LeaderTitle(const std::string& id) const { return Get(leaders_, id); }
    const std::string& UnitName(const std::string& id) const
    {
        const std::string& department = DepartmentName(id);
        return department.empty() ? DistrictName(id) : department;
    }

private:
    using Map = std::unordered_map<std::string_view, const std::string*>;
    static const std::string& Get(const Map& map, const std::string& id)
    {
        auto it = map.find(id);
        return it == map.end() ? kNoName : *it->second;
    }
    Map districts_, departments_, leaders_;
};

// The fields the free text searches, in one place for the index and the on-the-fly match.
template <typename Visit>
void ForEachSearchField(const Names& names, const Project& p, Visit visit)
{
    visit(p.name);
    visit(p.code);
    visit(p.owner_unit);
    visit(p.content);
    visit(p.category);
    visit(p.responsible_leader);
    visit(p.responsible_person);
    visit(names.DistrictName(p.district_id));
    visit(names.DepartmentName(p.department_id));
    visit(names.LeaderTitle(p.city_leader_id));
}

bool TextMatches(const Names& names, const Project& p, const std::vector<std::string>& words)
{
    for (const std::string& word : words) {
        bool found = false;
        ForEachSearchField(names, p, [&](const std::string& field) { found = found || ContainsFolded(field, word); });
        if (!found)
            return false;
    }
    return true;
}

// Everything but the free text.
bool FieldsMatch(const Project& p, const ProjectFilter& f)
{
    if (!f.district_ids.empty() && !Holds(f.district_ids, p.district_id))
        return false;
    if (!f.department_ids.empty() && !Holds(f.department_ids, p.department_id))
        return false;
    if (!f.city_leader_ids.empty() && !Holds(f.city_leader_ids, p.city_leader_id))
        return false;
    if (!f.statuses.empty() && !Holds(f.statuses, p.status))
        return false;
    if (!f.categories.empty() && !Holds(f.categories, p.category))
        return false;
    if (f.completion_target && *f.completion_target != p.completion_target)
        return false;
    return true;
}

} // namespace

const std::string& ResponsibleUnitName(const Ledger& ledger, const std::string& unit_id)
{
    if (const Department* d = FindDepartment(ledger, unit_id))
        return d->name;
    if (const District* d = FindDistrict(ledger, unit_id))
        return d->name;
    return kNoName;
}

//-----------------------------------------------------------------------------
// [SECTION] Projects: filter
//-----------------------------------------------------------------------------

bool ProjectFilter::IsEmpty() const
{
    return district_ids.empty() && department_ids.empty() && city_leader_ids.empty() && statuses.empty() &&
           categories.empty() && !completion_target && SearchWords(text).empty();
}

void ProjectIndex::Build(const Ledger& ledger)
{
    Names names(ledger);
    search_text_.assign(ledger.projects.size(), std::string());
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        std::string& text = search_text_[i];
        ForEachSearchField(names, ledger.projects[i], [&](const std::string& field) {
            // The separator is a control character no typed word holds: a word never spans two fields.
            if (!text.empty())
                text += '\x1f';
            for (char c : field)
                text += FoldChar(c);
        });
    }
    ledger_ = &ledger;
    project_count_ = ledger.projects.size();
    built_ = true;
}

bool ProjectIndex::Update(const Ledger& ledger, uint64_t generation)
{
    if (built_ && ledger_ == &ledger && generation_ == generation && project_count_ == ledger.projects.size())
        return false;
    Build(ledger);
    generation_ = generation;
    return true;
}

bool ProjectIndex::IsBuiltFor(const Ledger& ledger) const
{
    return built_ && ledger_ == &ledger && project_count_ == ledger.projects.size();
}

bool ProjectMatches(const Ledger& ledger, const Project& project, const ProjectFilter& filter)
{
    if (!FieldsMatch(project, filter))
        return false;
    std::vector<std::string> words = SearchWords(filter.text);
    return words.empty() || TextMatches(Names(ledger), project, words);
}

std::vector<int> FilterProjects(const Ledger& ledger, const ProjectFilter& filter)
{
    std::vector<std::string> words = SearchWords(filter.text);
    Names names(ledger);
    std::vector<int> rows;
    rows.reserve(ledger.projects.size());
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        const Project& p = ledger.projects[i];
        if (FieldsMatch(p, filter) && (words.empty() || TextMatches(names, p, words)))
            rows.push_back(static_cast<int>(i));
    }
    return rows;
}

std::vector<int> FilterProjects(const Ledger& ledger, const ProjectFilter& filter, const ProjectIndex& index)
{
    if (!index.IsBuiltFor(ledger))
        return FilterProjects(ledger, filter);
    std::vector<std::string> words = SearchWords(filter.text);
    std::vector<int> rows;
    rows.reserve(ledger.projects.size());
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        int row = static_cast<int>(i);
        if (FieldsMatch(ledger.projects[i], filter) && (words.empty() || ContainsAllWords(index.SearchText(row), words)))
            rows.push_back(row);
    }
    return rows;
}

//-----------------------------------------------------------------------------
// [SECTION] Projects: sort and totals
//-----------------------------------------------------------------------------

std::optional<double> PercentOfPlan(const Project& project, int year, std::optional<YearMonth> as_of)
{
    return Percent(CompletedThisYear(project, year, as_of), project.plan);
}

std::optional<double> FundsInPlaceRate(const Project& project)
{
    return Percent(project.funds_in_place, project.funds_required);
}

std::optional<double> LatestPercentComplete(const Project& project, std::optional<YearMonth> as_of)
{
    const MonthlyReport* latest = LatestReport(project, as_of);
    if (!latest)
        return std::nullopt;
    return latest->percent_complete;
}

namespace {

// The value one row sorts by: a number or a text, or nothing (sorted last either way).
struct SortKey {
    int row = 0;
    bool missing = false;
    double number = 0;
    std::string_view text;
};

// Stable sort of rows by their keys; missing values last in both directions.
void SortByKeys(std::vector<SortKey>& keys, bool by_text, bool ascending)
{
    std::stable_sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
        if (a.missing || b.missing)
            return !a.missing && b.missing;
        if (by_text)
            return ascending ? a.text < b.text : b.text < a.text;
        return ascending ? a.number < b.number : b.number < a.number;
    });
}

double Number(Money m) { return static_cast<double>(m.Cents()); }

} // namespace

void SortProjects(const Ledger& ledger, std::vector<int>& rows, ProjectColumn column, bool ascending,
                  std::optional<YearMonth> as_of)
{
    SortProjects(ledger, rows, column, ascending, as_of, std::vector<uint32_t>());
}

void SortProjects(const Ledger& ledger, std::vector<int>& rows, ProjectColumn column, bool ascending,
                  std::optional<YearMonth> as_of, const std::vector<uint32_t>& text_ranks)
{
    Names names(ledger);
    const int year = ledger.meta.year;
    bool by_text = false;
    std::vector<SortKey> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SortKey& k = keys[i];
        k.row = rows[i];
        const Project& p = ledger.projects[static_cast<std::size_t>(rows[i])];
        auto set_optional = [&](std::optional<double> v) {
            k.missing = !v.has_value();
            k.number = v.value_or(0);
        };
        switch (column) {
        case ProjectColumn::Seq: k.number = rows[i]; break;
        case ProjectColumn::Code: k.text = p.code; by_text = true; break;
        case ProjectColumn::Name: k.text = p.name; by_text = true; break;
        case ProjectColumn::District: k.text = names.DistrictName(p.district_id); by_text = true; break;
        case ProjectColumn::Department: k.text = names.DepartmentName(p.department_id); by_text = true; break;
        case ProjectColumn::CityLeader: k.text = names.LeaderTitle(p.city_leader_id); by_text = true; break;
        case ProjectColumn::Category: k.text = p.category; by_text = true; break;
        case ProjectColumn::Plan: k.number = Number(p.plan); break;
        case ProjectColumn::CompletedThisYear: k.number = Number(CompletedThisYear(p, year, as_of)); break;
        case ProjectColumn::PercentOfPlan: set_optional(PercentOfPlan(p, year, as_of)); break;
        case ProjectColumn::Status: k.number = static_cast<int>(p.status); break;
        case ProjectColumn::CompletionTarget: k.number = p.completion_target ? 1 : 0; break;
        case ProjectColumn::TotalInvestment: k.number = Number(p.total_investment); break;
        case ProjectColumn::FundsInPlaceRate: set_optional(FundsInPlaceRate(p)); break;
        case ProjectColumn::LatestPercentComplete: set_optional(LatestPercentComplete(p, as_of)); break;
        case ProjectColumn::Count: break;
        }
    }
    if (by_text && text_ranks.size() == ledger.projects.size()) {
        // The caller's order for text (pinyin from the browser's collator) replaces code points.
        for (SortKey& k : keys)
            k.number = text_ranks[static_cast<std::size_t>(k.row)];
        by_text = false;
    }
    SortByKeys(keys, by_text, ascending);
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = keys[i].row;
}

ProjectSums SumProjects(const Ledger& ledger, const std::vector<int>& rows, std::optional<YearMonth> as_of)
{
    ProjectSums s;
    for (int row : rows) {
        const Project& p = ledger.projects[static_cast<std::size_t>(row)];
        ++s.project_count;
        if (p.completion_target)
            ++s.completion_target_count;
        s.plan += p.plan;
        s.completed_this_year += CompletedThisYear(p, ledger.meta.year, as_of);
        s.total_investment += p.total_investment;
        s.funds_required += p.funds_required;
        s.funds_in_place += p.funds_in_place;
    }
    s.percent_of_plan = Percent(s.completed_this_year, s.plan);
    s.funds_in_place_rate = Percent(s.funds_in_place, s.funds_required);
    return s;
}

std::vector<std::string> ProjectCategories(const Ledger& ledger)
{
    std::set<std::string> categories;
    for (const Project& p : ledger.projects)
        if (!p.category.empty())
            categories.insert(p.category);
    return std::vector<std::string>(categories.begin(), categories.end());
}

//-----------------------------------------------------------------------------
// [SECTION] Problems
//-----------------------------------------------------------------------------

DueStatus ProblemDueStatus(const Problem& problem, Date today, int due_soon_days)
{
    if (problem.state == ProblemState::Closed)
        return DueStatus::Closed;
    long days_left = problem.deadline.DayNumber() - today.DayNumber();
    if (days_left < 0)
        return DueStatus::Overdue;
    if (days_left <= due_soon_days)
        return DueStatus::DueSoon;
    return DueStatus::OnTime;
}

std::vector<int> FilterProblems(const Ledger& ledger, const ProblemFilter& filter, Date today)
{
    std::vector<std::string> words = SearchWords(filter.text);
    std::unordered_map<std::string_view, const Project*> projects;
    std::unique_ptr<Names> names;
    if (!words.empty()) {
        for (const Project& p : ledger.projects)
            projects.emplace(p.id, &p);
        names = std::make_unique<Names>(ledger);
    }
    std::vector<int> rows;
    for (std::size_t i = 0; i < ledger.problems.size(); ++i) {
        const Problem& p = ledger.problems[i];
        if (!filter.unit_ids.empty() && !Holds(filter.unit_ids, p.responsible_unit_id))
            continue;
        if (!filter.states.empty() && !Holds(filter.states, p.state))
            continue;
        if (!filter.categories.empty() && !Holds(filter.categories, p.category))
            continue;
        if (!filter.project_id.empty() && p.project_id != filter.project_id)
            continue;
        if (filter.open_only && !IsOpen(p.state))
            continue;
        if (filter.overdue_only && ProblemDueStatus(p, today, 0) != DueStatus::Overdue)
            continue;
        if (!words.empty()) {
            auto it = projects.find(p.project_id);
            const Project* project = it == projects.end() ? nullptr : it->second;
            bool all = true;
            for (const std::string& word : words) {
                bool found = ContainsFolded(p.text, word) || ContainsFolded(p.id, word) ||
                             ContainsFolded(names->UnitName(p.responsible_unit_id), word) ||
                             (project && (ContainsFolded(project->name, word) || ContainsFolded(project->code, word)));
                if (!found) {
                    all = false;
                    break;
                }
            }
            if (!all)
                continue;
        }
        rows.push_back(static_cast<int>(i));
    }
    return rows;
}

void SortProblems(const Ledger& ledger, std::vector<int>& rows, ProblemColumn column, bool ascending)
{
    Names names(ledger);
    std::unordered_map<std::string_view, const Project*> projects;
    if (column == ProblemColumn::Project)
        for (const Project& p : ledger.projects)
            projects.emplace(p.id, &p);
    bool by_text = false;
    std::vector<SortKey> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SortKey& k = keys[i];
        k.row = rows[i];
        const Problem& p = ledger.problems[static_cast<std::size_t>(rows[i])];
        switch (column) {
        case ProblemColumn::Seq: k.number = rows[i]; break;
        case ProblemColumn::Id: k.text = p.id; by_text = true; break;
        case ProblemColumn::Project: {
            auto it = projects.find(p.project_id);
            k.text = it == projects.end() ? std::string_view() : std::string_view(it->second->name);
            by_text = true;
            break;
        }
        case ProblemColumn::Category: k.number = static_cast<int>(p.category); break;
        case ProblemColumn::Unit: k.text = names.UnitName(p.responsible_unit_id); by_text = true; break;
        case ProblemColumn::AssignedDate: k.number = static_cast<double>(p.assigned_date.DayNumber()); break;
        case ProblemColumn::Deadline: k.number = static_cast<double>(p.deadline.DayNumber()); break;
        case ProblemColumn::State: k.number = static_cast<int>(p.state); break;
        case ProblemColumn::Count: break;
        }
    }
    SortByKeys(keys, by_text, ascending);
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = keys[i].row;
}

} // namespace kpl
