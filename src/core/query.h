// Queries behind the projects table and the problems board: filters, sorting by column, totals
// over the rows shown, and how close a problem is to its deadline. Plain functions over the model,
// fast enough for 10,000 projects per frame with a ProjectIndex.
// Core module: standard library only (plus model.h and summary.h).
//
// Rows are indices into ledger.projects / ledger.problems, in ledger order unless sorted.
// Text order: text columns sort by Unicode code point (UTF-8 byte order), which is stable and
// the same everywhere but is not pinyin order; core has no collation data. A view that wants
// pinyin order passes ranks from the browser's collator to SortProjects.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace kpl {

//-----------------------------------------------------------------------------
// Projects
//-----------------------------------------------------------------------------

// Each list keeps a project when it holds the project's value; an empty list keeps every project.
// All criteria must hold together.
struct ProjectFilter {
    std::vector<std::string> district_ids;
    std::vector<std::string> department_ids;
    std::vector<std::string> city_leader_ids;
    std::vector<ProjectStatus> statuses;
    std::vector<std::string> categories;
    std::optional<bool> completion_target;
    // Free text: words separated by spaces (ASCII or the ideographic space U+3000), each of which
    // must occur in the project's name, code, owner unit, content, category, responsible leader or
    // person, or the name of its district, department or city leader. Any Chinese substring
    // matches ("湘江"); ASCII letters match regardless of case.
    std::string text;

    bool IsEmpty() const;
};

// The search text of every project, prepared once per ledger state: what makes FilterProjects a
// plain scan. Keep one next to the EditHistory and call Update() each frame.
class ProjectIndex {
public:
    // Rebuilds when `generation` (EditHistory::Generation()) or the ledger's address differs from
    // the last build. Returns whether it rebuilt.
    bool Update(const Ledger& ledger, uint64_t generation);
    void Build(const Ledger& ledger);

    bool IsBuiltFor(const Ledger& ledger) const;
    // The lowercased search text of projects[row]: its searchable fields separated by '\x1f'.
    const std::string& SearchText(int row) const { return search_text_[static_cast<std::size_t>(row)]; }

private:
    const Ledger* ledger_ = nullptr;
    uint64_t generation_ = 0;
    bool built_ = false;
    std::size_t project_count_ = 0;
    std::vector<std::string> search_text_;
};

// Rows of the projects that pass `filter`, in ledger order. With an index built for this ledger
// state the text criterion uses it; without one, the search text is made on the fly.
std::vector<int> FilterProjects(const Ledger& ledger, const ProjectFilter& filter);
std::vector<int> FilterProjects(const Ledger& ledger, const ProjectFilter& filter, const ProjectIndex& index);

// Whether one project passes (for checking a single row, e.g. after an edit).
bool ProjectMatches(const Ledger& ledger, const Project& project, const ProjectFilter& filter);

// The columns of the projects table that can be sorted.
enum class ProjectColumn {
    Seq,                    // 序号: position in the ledger
    Code,                   // 项目代码
    Name,                   // 项目名称
    District,               // 县市区 (by name)
    Department,             // 服务责任部门 (by name)
    CityLeader,             // 市级领导 (by title)
    Category,               // 类别
    Plan,                   // 年度计划
    CompletedThisYear,      // 本年完成, through as_of
    PercentOfPlan,          // 完成比例: completed this year / plan
    Status,                 // 状态, in its natural progression
    CompletionTarget,       // 竣工目标: no before yes
    TotalInvestment,        // 总投资
    FundsInPlaceRate,       // 资金到位率: funds in place / funds required
    LatestPercentComplete,  // 形象进度百分比 of the latest report through as_of
    Count
};

// Sorts `rows` by one column, stably: rows that tie keep their order. Numbers sort numerically,
// text by code point; a row without a value (percent of a zero plan, no report yet) sorts last in
// either direction. `as_of` bounds the reports counted (absent: all of the ledger's year).
void SortProjects(const Ledger& ledger, std::vector<int>& rows, ProjectColumn column, bool ascending,
                  std::optional<YearMonth> as_of);
// The same, with text columns (Code, Name, District, Department, CityLeader, Category) ordered by
// `text_ranks[row]` (a rank per ledger.projects row, e.g. the browser's pinyin collation of that
// column's text) instead of by code point. Other columns, or ranks not sized to the ledger's
// projects, sort as above.
void SortProjects(const Ledger& ledger, std::vector<int>& rows, ProjectColumn column, bool ascending,
                  std::optional<YearMonth> as_of, const std::vector<uint32_t>& text_ranks);

// The figures of the columns, as SortProjects sees them.
std::optional<double> PercentOfPlan(const Project& project, int year, std::optional<YearMonth> as_of);
std::optional<double> FundsInPlaceRate(const Project& project);
std::optional<double> LatestPercentComplete(const Project& project, std::optional<YearMonth> as_of);

// The totals row: sums over the rows given (the filtered ones).
struct ProjectSums {
    std::size_t project_count = 0;
    std::size_t completion_target_count = 0;
    Money plan;
    Money completed_this_year;               // through as_of
    Money total_investment;
    Money funds_required;
    Money funds_in_place;
    std::optional<double> percent_of_plan;   // completed_this_year / plan; absent for a zero plan
    std::optional<double> funds_in_place_rate;
};

ProjectSums SumProjects(const Ledger& ledger, const std::vector<int>& rows, std::optional<YearMonth> as_of);

// The categories used by the ledger's projects, each once, in code point order (for a filter list).
std::vector<std::string> ProjectCategories(const Ledger& ledger);

//-----------------------------------------------------------------------------
// Problems
//-----------------------------------------------------------------------------

enum class DueStatus {
    Closed,    // closed out (销号): no deadline to watch
    Overdue,   // open, deadline before today
    DueSoon,   // open, deadline today or within due_soon_days after today
    OnTime,    // open, deadline further away
};

DueStatus ProblemDueStatus(const Problem& problem, Date today, int due_soon_days);

struct ProblemFilter {
    std::vector<std::string> unit_ids;         // responsible units (departments or districts)
    std::vector<ProblemState> states;
    std::vector<ProblemCategory> categories;
    std::string project_id;                    // "" for every project
    bool overdue_only = false;                 // open and past the deadline
    bool open_only = false;                    // not closed out
    // Free text: each word must occur in the problem's text or ID, its project's name or code, or
    // its responsible unit's name (same matching as ProjectFilter::text).
    std::string text;
};

// Rows of the problems that pass, in ledger order. `today` decides what is overdue.
std::vector<int> FilterProblems(const Ledger& ledger, const ProblemFilter& filter, Date today);

enum class ProblemColumn {
    Seq,          // position in the ledger
    Id,
    Project,      // by project name
    Category,     // in enum order
    Unit,         // responsible unit, by name
    AssignedDate,
    Deadline,
    State,        // in lifecycle order
    Count
};

// Stable sort of problem rows by one column (text by code point, dates by day).
void SortProblems(const Ledger& ledger, std::vector<int>& rows, ProblemColumn column, bool ascending);

// The name of a responsible unit: a department's or a district's, or "" when neither.
const std::string& ResponsibleUnitName(const Ledger& ledger, const std::string& unit_id);

//-----------------------------------------------------------------------------
// Text matching, shared by the filters
//-----------------------------------------------------------------------------

// ASCII letters lowercased; every other byte (all of UTF-8's multi-byte sequences) kept.
std::string FoldAscii(std::string_view text);
// The words of a search text: split at ASCII white space and U+3000, folded; empty words dropped.
std::vector<std::string> SearchWords(std::string_view text);
// Whether every word occurs in `folded_haystack` (already folded).
bool ContainsAllWords(std::string_view folded_haystack, const std::vector<std::string>& words);

} // namespace kpl
