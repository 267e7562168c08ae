// The ledger model: plain data for one year's key-project ledger (重点项目台账), exactly what the
// file format (docs/ledger-format.md) carries. Core module: standard library, nlohmann/json only.
//
// Every record has a stable string ID; references between records are by ID. Every record carries a
// RecordStamp (revision, who, when) for the field-level merge between departments. Fields the loader
// does not know are kept in `extra` and written back on save.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "money.h"

namespace kpl {

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "key-project-ledger";

// Unknown members of a JSON object, kept verbatim (an object; empty when there were none).
using ExtraFields = nlohmann::json;

// What a field-level merge needs of every record: a revision counter and who changed it last, when.
struct RecordStamp {
    int64_t revision = 0;        // "rev": bumped by each edit of the record
    std::string modified_by;     // "modified_by": a unit or role, e.g. "市住建局"; may be empty
    std::string modified_at;     // "modified_at": ISO 8601 timestamp; may be empty
};

struct LedgerMeta {
    std::string title;                 // "title": e.g. "株洲市2016年重点续建项目工作台账"
    int year = 0;                      // "year": the ledger's year
    std::optional<YearMonth> as_of;    // "as_of": reporting month, "YYYY-MM"
    std::string money_unit = "万元";   // "money_unit": only "万元" in version 1
    std::string issuing_unit;          // "issuing_unit": e.g. "项目竣工攻坚组办公室"
    bool demo = false;                 // "demo": true for generated demonstration data
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

// A role in the task force (组长, 副组长, 办公室主任...), held by a position, never a person's name.
struct TaskForceRole {
    std::string id;
    std::string role;       // "role": e.g. "组长"
    std::string holder;     // "holder": the position, e.g. "市住建局局长"
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

struct TaskForce {
    std::string name;                          // "name": e.g. "项目竣工攻坚组"
    std::string office;                        // "office": where the office sits, e.g. "市住建局"
    std::vector<TaskForceRole> roles;          // "roles"
    std::vector<std::string> member_unit_ids;  // "member_unit_ids": department IDs
    ExtraFields extra = ExtraFields::object();
};

enum class DistrictKind { District, County, City, Zone };  // 区, 县, 县级市, 示范区

struct District {
    std::string id;
    std::string name;                       // "name": e.g. "醴陵市"
    DistrictKind kind = DistrictKind::District;  // "kind": "district" | "county" | "city" | "zone"
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

struct Department {
    std::string id;
    std::string name;        // "name": e.g. "市住建局"
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

// A city leader (市级领导) named by position, e.g. "副市长（分管城建）".
struct CityLeader {
    std::string id;
    std::string title;       // "title"
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

enum class ProjectStatus { NotStarted, UnderConstruction, Completed, Commissioned };
// JSON: "not_started" | "under_construction" | "completed" | "commissioned"

struct Milestone {
    std::string id;
    std::string name;                  // "name": e.g. "主体封顶"
    std::optional<Date> planned;       // "planned": planned date
    std::optional<Date> actual;        // "actual": date reached, absent while not reached
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

// One month's progress report. Its key is `month`, unique within the project.
struct MonthlyReport {
    YearMonth month;                          // "month": "YYYY-MM"
    Money investment;                         // "investment_wan": invested during this month
    double percent_complete = 0;              // "percent_complete": whole project, 0..100, cumulative
    std::string progress_text;                // "progress_text": 形象进度
    std::string problems_text;                // "problems_text": problems met this month
    std::optional<Money> funds_in_place;      // "funds_in_place_wan": cumulative this year, if reported
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

struct Project {
    std::string id;
    // identity
    std::string code;                  // "code": national project code (项目代码), may be empty
    std::string name;                  // "name"
    std::string category;              // "category": industry, e.g. "基础设施", "产业", "社会民生"
    std::string district_id;           // "district_id" -> District
    std::string owner_unit;            // "owner_unit": 业主单位
    std::string content;               // "content": construction content (建设内容)
    int start_year = 0;                // "start_year"
    std::optional<Date> planned_completion;  // "planned_completion"
    // responsibility: one city leader, one department, one responsible leader and person
    std::string city_leader_id;        // "city_leader_id" -> CityLeader
    std::string department_id;         // "department_id" -> Department (service department)
    std::string responsible_leader;    // "responsible_leader": a position, e.g. "市住建局分管副局长"
    std::string responsible_person;    // "responsible_person": a position, e.g. "市住建局建管科科长"
    std::string contact;               // "contact"
    // money, 万元
    Money total_investment;            // "total_investment_wan"
    Money completed_before_year;       // "completed_before_year_wan"
    Money plan;                        // "plan_wan": this year's investment plan
    Money funds_required;              // "funds_required_wan"
    Money funds_in_place;              // "funds_in_place_wan"
    // state
    ProjectStatus status = ProjectStatus::NotStarted;  // "status"
    bool completion_target = false;    // "completion_target": must be completed this year
    std::optional<Date> actual_start;        // "actual_start"
    std::optional<Date> actual_completion;   // "actual_completion"
    std::vector<Milestone> milestones;       // "milestones", in plan order
    std::vector<MonthlyReport> reports;      // "reports", ascending by month
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

enum class ProblemCategory { Land, Traffic, Road, Power, Funding, Approval, Other };
// JSON: "land" 土地 | "traffic" 交通 | "road" 道路 | "power" 电力 | "funding" 资金 |
//       "approval" 审批/行政许可 | "other" 其他

enum class ProblemState { Assigned, Accepted, Feedback, Closed, Reopened };
// JSON: "assigned" | "accepted" | "feedback" | "closed" | "reopened"

enum class ActionKind { Assign, Accept, Feedback, Supervise, CloseOut, Reopen };
// JSON: "assign" 交办 | "accept" 签收 | "feedback" 反馈 | "supervise" 督查 | "close_out" 销号 |
//       "reopen" 退回重办

struct ProblemAction {
    std::string id;
    ActionKind kind = ActionKind::Assign;  // "kind"
    Date date;                             // "date"
    std::string by;                        // "by": unit or role that acted
    std::string text;                      // "text": note; for close_out, how it was solved
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

// A problem assigned (交办) to a responsible unit, followed until closed out (销号).
struct Problem {
    std::string id;
    std::string project_id;            // "project_id" -> Project
    ProblemCategory category = ProblemCategory::Other;  // "category"
    std::string text;                  // "text": the problem
    std::string responsible_unit_id;   // "responsible_unit_id" -> Department or District
    Date assigned_date;                // "assigned_date"
    Date deadline;                     // "deadline"
    ProblemState state = ProblemState::Assigned;  // "state": must agree with the history
    std::vector<ProblemAction> history;  // "history": oldest first, starts with "assign"
    RecordStamp stamp;
    ExtraFields extra = ExtraFields::object();
};

struct WarningSettings {
    double behind_yellow_points = 10;  // behind 序时进度 by more than this -> yellow
    double behind_red_points = 30;     // ... by more than this -> red
    int late_start_red_months = 3;     // not started N months after the planned month -> red
    int due_soon_days = 7;             // open problem due within N days -> yellow
    // funds in place below this percentage of the funds required to date (funds required x
    // 序时进度) -> red
    double funds_red_percent = 100;    // "funds_red_percent"
    ExtraFields extra = ExtraFields::object();
};

struct RankingSettings {
    // weights of the ranking score, in points; they need not sum to 100
    double investment_completion_weight = 40;
    double start_rate_weight = 20;
    double funds_rate_weight = 20;
    double completion_rate_weight = 20;
    int bottom_n = 3;                  // "bottom_n": ranks counted as 靠后 for interviews
    ExtraFields extra = ExtraFields::object();
};

// How the time-proportional share of the annual plan (序时进度) is reckoned; docs/indicators.md.
enum class ScheduleBasis { CalendarMonths, FromMonth };
// JSON: "calendar_months" (month/12) | "from_month" (months since schedule_start_month / months left)

struct IndicatorSettings {
    ScheduleBasis schedule_basis = ScheduleBasis::CalendarMonths;  // "schedule_basis"
    int schedule_start_month = 4;      // "schedule_start_month": 1..12, used by "from_month"
    int milestone_grace_days = 0;      // "milestone_grace_days": a milestone met this late is on time
    ExtraFields extra = ExtraFields::object();
};

// A qualitative score (定性评分) the office enters for one unit, 0..100.
struct QualitativeScore {
    std::string unit_id;               // "unit_id" -> District or Department
    double score = 0;                  // "score"
    ExtraFields extra = ExtraFields::object();
};

struct AssessmentSettings {
    double quantitative_weight = 70;   // "quantitative_weight": share of the indicator score
    double qualitative_weight = 30;    // "qualitative_weight": share of the office's score
    double overdue_problem_deduction = 1;  // "overdue_problem_deduction": points per overdue problem
    std::vector<QualitativeScore> qualitative_scores;  // "qualitative_scores"
    ExtraFields extra = ExtraFields::object();
};

struct Settings {
    WarningSettings warnings;          // "warnings"
    RankingSettings ranking;           // "ranking"
    IndicatorSettings indicators;      // "indicators"
    AssessmentSettings assessment;     // "assessment"
    ExtraFields extra = ExtraFields::object();
};

// A month's rankings as the office published them (发布). Kept in the ledger so that the interview
// rule (two consecutive months 靠后) and a bulletin generated again later read what was announced,
// even when a past month's report is corrected afterwards. Figures are kept to 0.01, as shown.
// The JSON keys of the four ranked rates, in the order of PublishedRankEntry::rates.
extern const char* const kRankedRateKeys[4];

struct PublishedRankEntry {
    std::string unit_id;               // "unit_id" -> District (districts list) or Department
    std::string name;                  // "name": the unit's name as published
    // "rates": 投资完成率, 开工率, 资金到位率, 竣工投产率 in percent, by the keys of the ranking
    // weights ("investment_completion", "start", "funds", "completion"); absent: no denominator.
    std::optional<double> rates[4];
    double points[4] = {};             // "points": each rate's part of the score, same keys
    double score = 0;                  // "score"
    int rank = 0;                      // "rank": 1-based, ties share
    bool bottom = false;               // "bottom": among the bottom_n (靠后)
    ExtraFields extra = ExtraFields::object();
    ExtraFields rates_extra = ExtraFields::object();   // unknown members of "rates"
    ExtraFields points_extra = ExtraFields::object();  // unknown members of "points"
};

struct PublishedRankings {
    YearMonth month;                   // "month": the reporting month, "YYYY-MM"
    std::string published_at;          // "published_at": ISO 8601 timestamp
    std::string published_by;          // "published_by": unit or role; may be empty
    int bottom_n = 0;                  // "bottom_n": the setting the 靠后 marks were made with
    std::vector<PublishedRankEntry> districts;    // "districts": best first
    std::vector<PublishedRankEntry> departments;  // "departments": best first
    ExtraFields extra = ExtraFields::object();
};

struct Ledger {
    std::string ledger_id;             // "ledger_id": identifies this ledger across copies
    int64_t revision = 0;              // "revision": bumped on each saved change
    LedgerMeta meta;
    TaskForce task_force;
    std::vector<District> districts;
    std::vector<Department> departments;
    std::vector<CityLeader> city_leaders;
    std::vector<Project> projects;
    std::vector<Problem> problems;
    Settings settings;
    // "published_rankings": in month order, one per month; absent from the file when empty
    std::vector<PublishedRankings> published_rankings;
    ExtraFields extra = ExtraFields::object();  // unknown top-level members
};

// Lookups by ID; nullptr when absent. Linear: fine for the reference sizes of a ledger's lists.
const District* FindDistrict(const Ledger& ledger, const std::string& id);
const Department* FindDepartment(const Ledger& ledger, const std::string& id);
const CityLeader* FindCityLeader(const Ledger& ledger, const std::string& id);
const Project* FindProject(const Ledger& ledger, const std::string& id);

// Enum <-> JSON text. The Parse functions return nothing for unknown text.
const char* ToJsonText(DistrictKind v);
const char* ToJsonText(ProjectStatus v);
const char* ToJsonText(ProblemCategory v);
const char* ToJsonText(ProblemState v);
const char* ToJsonText(ActionKind v);
const char* ToJsonText(ScheduleBasis v);
std::optional<DistrictKind> ParseDistrictKind(std::string_view text);
std::optional<ProjectStatus> ParseProjectStatus(std::string_view text);
std::optional<ProblemCategory> ParseProblemCategory(std::string_view text);
std::optional<ProblemState> ParseProblemState(std::string_view text);
std::optional<ActionKind> ParseActionKind(std::string_view text);
std::optional<ScheduleBasis> ParseScheduleBasis(std::string_view text);

// Chinese labels for display: "在建", "土地", "已销号"...
const char* ChineseLabel(ProjectStatus v);
const char* ChineseLabel(ProblemCategory v);
const char* ChineseLabel(ProblemState v);
const char* ChineseLabel(ActionKind v);
const char* ChineseLabel(DistrictKind v);

} // namespace kpl
