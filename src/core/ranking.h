// Rankings of districts and of departments (separate groups) by the weighted score of
// settings.ranking, month by month from the ledger as it was; the interview list (三约谈) derived from
// them and from overdue approval problems; the annual assessment (年度考核) with the office's
// qualitative scores and deductions from settings.assessment; the campaign calendar of the plan.
// Core module: standard library only. Rules: docs/indicators.md.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "indicators.h"

namespace kpl {

// The four rates a ranking weighs, in order: 投资完成率, 开工率, 资金到位率, 竣工投产率.
constexpr int kRankedRateCount = 4;
extern const Indicator kRankedRates[kRankedRateCount];

struct RankEntry {
    std::string unit_id;
    std::string name;
    std::optional<double> rates[kRankedRateCount];  // percent, as computed (nothing: no denominator)
    double points[kRankedRateCount] = {};           // each rate's part of the score
    double score = 0;                               // sum of points, rescaled (see docs)
    int rank = 0;                                   // 1-based; ties share the rank (1, 2, 2, 4)
    bool bottom = false;                            // among the bottom_n (靠后)
};

struct Ranking {
    YearMonth month;
    UnitKind group = UnitKind::District;            // District or Department
    std::vector<RankEntry> entries;                 // best first; ties in ledger order
    const RankEntry* Find(const std::string& unit_id) const;
};

struct MonthRankings {
    YearMonth month;
    Ranking districts;
    Ranking departments;
};

// Ranks the units of one group (units without any project are left out).
Ranking RankUnits(const std::vector<UnitIndicators>& units, const RankingSettings& settings, UnitKind group,
                  YearMonth month);
MonthRankings ComputeRankings(const Ledger& ledger, YearMonth month);
MonthRankings ComputeRankings(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month);
MonthRankings RankingsFromIndicators(const Ledger& ledger, const IndicatorReport& indicators);
// January of the ledger's year through `through`, one entry per month.
std::vector<MonthRankings> ComputeRankingHistory(const Ledger& ledger, YearMonth through);

enum class InterviewReason { DistrictBottomTwice, DepartmentBottomTwice, ApprovalOverdue };

struct InterviewEntry {
    InterviewReason reason = InterviewReason::DistrictBottomTwice;
    std::string unit_id;
    std::string unit_name;
    std::string interviewer;                 // 市委书记、市长 / 市委组织部 / 市纪委
    std::string explanation;                 // one line in Chinese
    int previous_rank = 0, rank = 0;         // for the ranking reasons
    std::vector<std::string> problem_ids;    // for ApprovalOverdue
};

// The interview list for `month`: bottom in both `month` and the month before (both must be in
// `history`), and units responsible for approval problems overdue at the end of `month`.
std::vector<InterviewEntry> ComputeInterviews(const Ledger& ledger, const std::vector<MonthRankings>& history,
                                              YearMonth month);

struct AssessmentEntry {
    UnitKind group = UnitKind::District;
    std::string unit_id;
    std::string name;
    double quantitative = 0;                 // ranking score rescaled to 0..100
    std::optional<double> qualitative;       // the office's score, when entered
    double weighted = 0;                     // weighted mean of the two (see docs)
    int overdue_problems = 0;
    double deduction = 0;
    double total = 0;                        // weighted - deduction
    int rank = 0;                            // within the group; ties share
};

struct Assessment {
    YearMonth month;                         // the figures' month, normally December
    std::vector<AssessmentEntry> districts;  // best first
    std::vector<AssessmentEntry> departments;
};

Assessment ComputeAssessment(const Ledger& ledger, YearMonth month);

// The campaign calendar (实施步骤 of the plan) and what is due in a month.
struct CampaignEvent {
    YearMonth from, to;                      // inclusive
    std::string name;                        // e.g. "动员部署阶段"
    std::string description;                 // what is due, Chinese
};
std::vector<CampaignEvent> CampaignCalendar(int year);
std::vector<CampaignEvent> CampaignDue(int year, YearMonth month);

} // namespace kpl
