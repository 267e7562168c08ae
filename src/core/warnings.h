// Warning colours (green / yellow / red) of each project for each month of the ledger's year, with
// the reasons, from the rules of settings.warnings, and the colour history that gives hysteresis: a
// project red last month whose rules say green this month shows yellow first. Core module: standard
// library only. Rules: docs/indicators.md, "Warning colours".
#pragma once
#include <string>
#include <vector>

#include "indicators.h"

namespace kpl {

enum class WarningColour { Green, Yellow, Red };
const char* ColourName(WarningColour colour);  // "绿色" / "黄色" / "红色"

enum class WarningRule {
    BehindSchedule,   // investment behind 序时进度
    LateStart,        // not started by the planned month
    FundsShort,       // funds in place below the requirement to date
    ProblemOverdue,   // an open assigned problem past its deadline
    ProblemDueSoon,   // an open assigned problem due within due_soon_days
    CatchingUp,       // red last month, green by the rules now: yellow for one month
};

// Why a rule fired, as figures; ReasonText() words it. (Kept as figures because a 10,000-project
// history has hundreds of thousands of reasons and few are ever read.)
struct WarningReason {
    WarningRule rule = WarningRule::BehindSchedule;
    WarningColour colour = WarningColour::Yellow;
    double actual_percent = 0;     // BehindSchedule: the project's investment-completion rate
    double expected_percent = 0;   // BehindSchedule: 序时进度
    YearMonth planned_month;       // LateStart
    int months_late = 0;           // LateStart
    Money in_place;                // FundsShort
    Money needed;                  // FundsShort: what should be in place by now
    std::string problem_id;        // ProblemOverdue / ProblemDueSoon
    Date deadline;                 // ProblemOverdue / ProblemDueSoon
    long days = 0;                 // days overdue / days left
};

// One line in Chinese or English, e.g. "投资完成率 8.33% 落后序时进度 41.67% 33.33 个百分点".
std::string ReasonText(const WarningReason& reason, Language language);

struct ProjectWarning {
    int project = 0;                              // index into ledger.projects
    WarningColour colour = WarningColour::Green;  // shown, after hysteresis
    WarningColour rule_colour = WarningColour::Green;  // what the rules alone say this month
    std::vector<WarningReason> reasons;           // every rule that fired (and CatchingUp)
};

struct MonthWarnings {
    YearMonth month;
    std::vector<ProjectWarning> projects;         // one per project, ledger order
    int Count(WarningColour colour) const;
};

struct WarningHistory {
    std::vector<MonthWarnings> months;            // January of the ledger's year .. `through`
    const MonthWarnings* For(YearMonth month) const;  // nullptr when outside
};

// The colour a project's rules give at the end of `month` (no hysteresis).
ProjectWarning RuleWarning(const Ledger& ledger, const LedgerTimelines& timelines, int project_index, YearMonth month,
                           const std::vector<const Problem*>& project_problems);

// Every project's colour for each month from January of the ledger's year through `through`.
WarningHistory ComputeWarningHistory(const Ledger& ledger, YearMonth through);
WarningHistory ComputeWarningHistory(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth through);

} // namespace kpl
