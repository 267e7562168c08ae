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
    // Set when these are the rankings the office published (发布) rather than computed now.
    bool published = false;
    std::string published_at;
    std::string published_by;
};

// Ranks the units of one group (units without any project are left out).
Ranking RankUnits(const std::vector<UnitIndicators>& units, const RankingSettings& settings, UnitKind group,
                  YearMonth month);
MonthRankings ComputeRankings(const Ledger& ledger, YearMonth month);
MonthRankings ComputeRankings(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month);
MonthRankings RankingsFromIndicators(const Ledger& ledger, const IndicatorReport& indicators);
// January of the ledger's year through `through`, one entry per month: each month's rankings of
// record (RankingsOfRecord).
std::vector<MonthRankings> ComputeRankingHistory(const Ledger& ledger, YearMonth through);

// --- published rankings (发布)
// The published record of `rankings`: rates, points and scores rounded to 0.01 as they are shown;
// ranks and 靠后 marks as computed (with `bottom_n`).
PublishedRankings ToPublished(const MonthRankings& rankings, int bottom_n, const std::string& published_at,
                              const std::string& published_by);
MonthRankings FromPublished(const PublishedRankings& published);
const PublishedRankings* FindPublished(const Ledger& ledger, YearMonth month);
// A month's rankings of record: as published when the month was published, otherwise computed
// from the ledger as of the month.
MonthRankings RankingsOfRecord(const Ledger& ledger, const LedgerTimelines& timelines, YearMonth month);

// A unit whose place differs between what was published and what the ledger gives now (a past
// report corrected after publication, say). A rank of 0: not in that ranking.
struct RankingChange {
    UnitKind group = UnitKind::District;
    std::string unit_id;
    std::string name;
    int published_rank = 0, current_rank = 0;
    double published_score = 0, current_score = 0;
    bool published_bottom = false, current_bottom = false;
};
// Units whose rank, 靠后 mark or score (at 0.01) differ; districts first, in published order, then
// units only in the current ranking.
std::vector<RankingChange> CompareWithPublished(const PublishedRankings& published, const MonthRankings& current);

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
