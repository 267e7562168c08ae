// The five supervision indicators (履约率, 开工率, 资金到位率, 竣工投产率, 投资完成率 against 序时进度) for
// a reporting month, per project, district, department, city leader and in total, each with its
// numerator and denominator, the projects in both, and a one-line explanation. Also the "as of a
// month" facts of a project and a problem that the warnings, rankings and bulletin share.
// Core module: standard library only. The rules are in docs/indicators.md; their parameters are
// settings.indicators of the ledger.
//
// "As of month M" means: the ledger as it was at the end of M. Only reports for months up to M
// count, and dated facts (actual start, milestone reached, completion, problem actions) count when
// their date is on or before the last day of M, so a past month's figures do not change when later
// reports are added.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace kpl {

enum class Indicator { Fulfilment, Start, Funds, Completion, Investment };
constexpr int kIndicatorCount = 5;
const char* IndicatorName(Indicator indicator);     // "履约率"...
const char* IndicatorNameEn(Indicator indicator);   // "contract-fulfilment rate"...

enum class Language { Chinese, English };

// One figure: numerator / denominator as a percentage. Counts for 履约率 (milestones), 开工率 and
// 竣工投产率 (projects); hundredths of 万元 (Money cents) for 资金到位率 and 投资完成率.
struct Figure {
    Indicator indicator = Indicator::Fulfilment;
    YearMonth month;
    int64_t numerator = 0;
    int64_t denominator = 0;
    std::optional<double> percent;          // nothing when the denominator is 0
    // Indices into ledger.projects, in ledger order. A project is in the denominator list when it
    // contributes to the denominator, in the numerator list when it contributes to the numerator.
    std::vector<int> numerator_projects;
    std::vector<int> denominator_projects;

    bool IsMoney() const { return indicator == Indicator::Funds || indicator == Indicator::Investment; }
};

// What a group of projects scores in a month.
struct IndicatorSet {
    Figure figures[kIndicatorCount];
    double schedule_percent = 0;            // 序时进度 for the month, 0..100
    const Figure& Get(Indicator i) const { return figures[static_cast<int>(i)]; }
    Figure& Get(Indicator i) { return figures[static_cast<int>(i)]; }
    // 投资完成率 minus 序时进度 in percentage points (negative when behind); nothing without a plan.
    std::optional<double> InvestmentGapPoints() const;
};

enum class UnitKind { Project, District, Department, CityLeader, Total };

struct UnitIndicators {
    UnitKind kind = UnitKind::Total;
    std::string id;                         // record ID; "" for the total
    std::string name;                       // display name
    IndicatorSet set;
};

struct IndicatorReport {
    YearMonth month;
    double schedule_percent = 0;
    UnitIndicators total;
    std::vector<UnitIndicators> projects;     // ledger order
    std::vector<UnitIndicators> districts;    // ledger order of ledger.districts
    std::vector<UnitIndicators> departments;  // ledger order of ledger.departments
    std::vector<UnitIndicators> city_leaders; // ledger order of ledger.city_leaders
};

// One project's dated facts reduced to month indices (YearMonth::Index()) and sums, built once per
// ledger so that month after month of indicators, warnings and rankings read compact data instead of
// walking every report again. kAlways / kNever stand for "since ever" / "not (yet)".
constexpr int kAlways = -(1 << 28);
constexpr int kNever = 1 << 28;

struct ProjectTimeline {
    const Project* project = nullptr;
    int district = -1, department = -1, city_leader = -1;  // indices into the ledger's lists, -1: none
    int planned_start = kNever;        // month of PlannedStart()
    int started = kNever;              // first month counted as started (StartedBy)
    int completed = kNever;            // first month counted as completed (CompletedBy)
    // milestones planned in or after the ledger's year: (planned month, month met on time or kNever)
    std::vector<std::pair<int, int>> milestones;
    int64_t invested[13] = {};         // this year's investment through month m (1..12), cents; [0] = 0
    int64_t funds[13] = {};            // FundsInPlaceAsOf through month m (1..12); [0]: December before
};

struct LedgerTimelines {
    int year = 0;
    std::vector<ProjectTimeline> projects;  // ledger order
    // This year's investment through `month` (CompletedThisYear) and the funds in place as of it.
    int64_t Invested(std::size_t project, YearMonth month) const;
    int64_t Funds(std::size_t project, YearMonth month) const;
};

LedgerTimelines BuildTimelines(const Ledger& ledger);

// 序时进度: the share of the annual plan expected by the end of `month`, 0..100, per
// settings.indicators (calendar_months: month/12; from_month: months since the start month over the
// months from the start month to December; 0 before the start month, 100 after the ledger's year).
double SchedulePercent(const IndicatorSettings& settings, int ledger_year, YearMonth month);

// Computes every indicator for `month`. Options: per-project figures can be skipped when only
// the units are needed (rankings of every month).
IndicatorReport ComputeIndicators(const Ledger& ledger, YearMonth month, bool with_projects = true);
// The same from timelines built once (for many months of one ledger).
IndicatorReport ComputeIndicators(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month,
                                  bool with_projects = true);

// "how it was computed": one line naming the rule and the figures, e.g.
// "履约率 = 截至2016年9月底按期完成的节点 12 个 ÷ 应完成的节点 15 个 = 80.00%".
std::string ExplainFigure(const Figure& figure, const IndicatorSettings& settings, Language language);

// The project IDs of a figure's lists.
std::vector<std::string> ProjectIds(const Ledger& ledger, const std::vector<int>& indices);

// --- as-of facts shared by warnings, rankings and the bulletin

// When the project was due to start: the planned date of its first milestone whose name contains
// "开工"; else 1 January of start_year; else its first milestone's planned date; else nothing.
std::optional<Date> PlannedStart(const Project& project);
// Whether the project had started by `day`: actual_start on or before it; without an actual_start
// date, a status other than not_started counts as started (undated).
bool StartedBy(const Project& project, Date day);
// Whether the project was completed (or commissioned) by `day`: actual_completion on or before it;
// without the date, a completed/commissioned status counts (undated).
bool CompletedBy(const Project& project, Date day);
// Funds in place as of `month`: the latest report through `month` carrying funds_in_place_wan when
// any report of the project carries it (0 when none is that early), else the project's field.
Money FundsInPlaceAsOf(const Project& project, YearMonth month);

// A problem's standing at the end of a day.
struct ProblemStanding {
    bool assigned = false;       // assigned_date on or before the day
    bool closed = false;         // its latest close_out/reopen action by the day is a close_out
    std::optional<Date> closed_on;  // that close_out's date
    bool overdue = false;        // assigned, not closed, deadline before the day
};
ProblemStanding ProblemStandingAt(const Problem& problem, Date day);

std::string MonthTextZh(YearMonth month);   // "2016年9月"
std::string FormatPercent(std::optional<double> percent);  // "80.00%" or "—"

} // namespace kpl
