// The monthly bulletin (一月一通报) and the quarterly dispatch (一季一调度) as data, and their exports:
// a printable, self-contained HTML bulletin laid out like an official document, and CSV that Excel
// and WPS open correctly (UTF-8 with BOM, CRLF). Core module: standard library only.
// Everything is computed from the ledger as of the month, so a past month's bulletin generated
// again later shows the same figures; the rankings of a month the office published (ranking.h,
// RankingsOfRecord) are the published ones, even after a past report is corrected.
#pragma once
#include <string>
#include <vector>

#include "indicators.h"
#include "ranking.h"
#include "table.h"
#include "warnings.h"

namespace kpl {

// One problem as the bulletin and dispatch list it.
struct ProblemLine {
    std::string id;
    std::string project_id;
    std::string project_name;
    std::string unit_id;
    std::string unit_name;
    std::string category;           // Chinese label
    std::string text;
    Date assigned;
    Date deadline;
    std::optional<Date> closed_on;
    long days_overdue = 0;          // at the end of the period, for open overdue problems
};

// One project of the red or yellow list.
struct ColourLine {
    std::string project_id;
    std::string project_name;
    std::string district;
    std::string department;
    WarningColour colour = WarningColour::Green;
    std::string reasons;            // Chinese, "；"-separated
};

struct Bulletin {
    YearMonth month;
    int number = 0;                 // 第N期: the month's number in the year
    std::string title;              // 重点项目建设工作通报
    std::string issuing_unit;
    Date date;                      // the last day of the month
    std::string ledger_title;
    std::string overview;           // the opening paragraph, Chinese, with the key figures
    IndicatorReport indicators;
    MonthRankings rankings;
    std::vector<InterviewEntry> interviews;
    std::vector<ColourLine> red, yellow;
    std::vector<ProblemLine> assigned, closed, overdue;  // assigned / closed out in the month; overdue at its end
    std::vector<CampaignEvent> campaign;                 // due this month
};

Bulletin BuildBulletin(const Ledger& ledger, YearMonth month);

struct DispatchUnitRow {
    std::string unit_id;
    std::string unit_name;
    int assigned = 0;               // assigned in the quarter
    int closed = 0;                 // closed out in the quarter
    int overdue = 0;                // open and overdue at the quarter's end
    int open = 0;                   // open at the quarter's end
};

struct Dispatch {
    std::string title;              // 重点项目季度调度
    std::string issuing_unit;
    Date date;                      // the quarter's last day
    int year = 0;
    int quarter = 0;                // 1..4
    YearMonth first, last;
    std::vector<DispatchUnitRow> units;    // units with any problem in the quarter, by unit name order of the ledger
    std::vector<ProblemLine> meeting_list; // open at the quarter's end: overdue first (longest first), then by deadline
};

Dispatch BuildDispatch(const Ledger& ledger, int year, int quarter);

// Exports. Each document is first turned into tables (table.h): the CSV here and the .xlsx of
// src/sheets write the same tables, so they never disagree. Numbers are TableCell::Number.
// A document's heading rows (title, number, issuing unit, date) come before its tables.
using HeadingRows = std::vector<std::vector<std::string>>;
HeadingRows BulletinHeading(const Bulletin& bulletin);
std::vector<Table> BulletinTables(const Bulletin& bulletin);
HeadingRows DispatchHeading(const Dispatch& dispatch);
std::vector<Table> DispatchTables(const Dispatch& dispatch);
HeadingRows AssessmentHeading(const Assessment& assessment);
// Districts, then departments, each ranked with its score breakdown.
std::vector<Table> AssessmentTables(const Assessment& assessment);

// CSV: TablesCsv of the heading and tables (UTF-8 with BOM, CRLF, one titled section per table).
std::string BulletinCsv(const Bulletin& bulletin, const Ledger& ledger);
std::string DispatchCsv(const Dispatch& dispatch);
std::string AssessmentCsv(const Assessment& assessment);

// HTML: one self-contained printable page (inline CSS, no scripts, no external resources) laid out
// like an official document: masthead, number, issuing unit and date, A4, a page per section.
std::string BulletinHtml(const Bulletin& bulletin, const Ledger& ledger);
std::string DispatchHtml(const Dispatch& dispatch, const Ledger& ledger);
// The assessment's issuing unit comes from the ledger (the ranking core does not keep it).
std::string AssessmentHtml(const Assessment& assessment, const Ledger& ledger);
// 重点项目竣工攻坚年度考核结果: the assessment document's title (its masthead, the download's name).
std::string AssessmentTitle();

// HTML text escaping of & < > " '.
std::string HtmlEscape(const std::string& text);

} // namespace kpl
