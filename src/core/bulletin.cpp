// The monthly bulletin and quarterly dispatch: data first, then the HTML and CSV exports.
#include "bulletin.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace kpl {

namespace {

std::string Fixed2(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

std::string DateTextZh(Date d)
{
    return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string UnitName(const Ledger& ledger, const std::string& id)
{
    if (const District* d = FindDistrict(ledger, id))
        return d->name;
    if (const Department* d = FindDepartment(ledger, id))
        return d->name;
    return id;
}

// Projects by ID: a big ledger has thousands of problems and projects, too many for linear lookups.
using ProjectIndex = std::unordered_map<std::string, const Project*>;

ProjectIndex IndexProjects(const Ledger& ledger)
{
    ProjectIndex index;
    index.reserve(ledger.projects.size());
    for (const Project& p : ledger.projects)
        index.emplace(p.id, &p);
    return index;
}

ProblemLine MakeLine(const Ledger& ledger, const ProjectIndex& projects, const Problem& p, Date at)
{
    ProblemLine line;
    line.id = p.id;
    line.project_id = p.project_id;
    if (auto it = projects.find(p.project_id); it != projects.end())
        line.project_name = it->second->name;
    line.unit_id = p.responsible_unit_id;
    line.unit_name = UnitName(ledger, p.responsible_unit_id);
    line.category = ChineseLabel(p.category);
    line.text = p.text;
    line.assigned = p.assigned_date;
    line.deadline = p.deadline;
    ProblemStanding s = ProblemStandingAt(p, at);
    line.closed_on = s.closed_on;
    if (s.overdue)
        line.days_overdue = at.DayNumber() - p.deadline.DayNumber();
    return line;
}

std::string JoinReasons(const ProjectWarning& w)
{
    std::string out;
    for (const WarningReason& r : w.reasons) {
        if (!out.empty())
            out += "；";
        out += ReasonText(r, Language::Chinese);
    }
    return out;
}

std::string FigureNumber(const Figure& f, int64_t value)
{
    return f.IsMoney() ? Money::FromCents(value).ToString() : std::to_string(value);
}

std::string Overview(const Ledger& ledger, const Bulletin& b)
{
    const IndicatorSet& t = b.indicators.total.set;
    const Figure& inv = t.Get(Indicator::Investment);
    const Figure& comp = t.Get(Indicator::Completion);
    const Money done = Money::FromCents(inv.numerator);
    const Money plan = Money::FromCents(inv.denominator);
    std::string s = "截至" + MonthTextZh(b.month) + "底，全市" + std::to_string(ledger.projects.size()) +
                    "个重点续建项目本年累计完成投资" + done.ToDisplay() + "万元（" + done.ToYiDisplay() + "亿元），占年度计划投资" +
                    plan.ToDisplay() + "万元（" + plan.ToYiDisplay() + "亿元）的" + FormatPercent(inv.percent) + "，序时进度" +
                    FormatPercent(t.schedule_percent);
    if (std::optional<double> gap = t.InvestmentGapPoints())
        s += *gap >= 0 ? "，超序时进度" + Fixed2(*gap) + "个百分点" : "，落后序时进度" + Fixed2(-*gap) + "个百分点";
    s += "。" + std::to_string(comp.denominator) + "个年度竣工目标项目已竣工（投产）" + std::to_string(comp.numerator) +
         "个，竣工投产率" + FormatPercent(comp.percent) + "；履约率" + FormatPercent(t.Get(Indicator::Fulfilment).percent) +
         "，开工率" + FormatPercent(t.Get(Indicator::Start).percent) + "，资金到位率" +
         FormatPercent(t.Get(Indicator::Funds).percent) + "。红色预警项目" + std::to_string(b.red.size()) + "个，黄色预警项目" +
         std::to_string(b.yellow.size()) + "个。本月新交办问题" + std::to_string(b.assigned.size()) + "个，销号" +
         std::to_string(b.closed.size()) + "个，超期未销号" + std::to_string(b.overdue.size()) + "个。";
    return s;
}

} // namespace


std::string HtmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

Bulletin BuildBulletin(const Ledger& ledger, YearMonth month)
{
    Bulletin b;
    b.month = month;
    b.number = month.month;
    b.title = "重点项目建设工作通报";
    b.issuing_unit = ledger.meta.issuing_unit.empty() ? "项目竣工攻坚组办公室" : ledger.meta.issuing_unit;
    b.date = month.LastDay();
    b.ledger_title = ledger.meta.title;
    const LedgerTimelines timelines = BuildTimelines(ledger);
    b.indicators = ComputeIndicators(ledger, timelines, month, false);
    std::vector<MonthRankings> history;
    // The month before is all the interview rule needs; earlier months do not change the result.
    // Published months count as published (RankingsOfRecord), whatever the ledger says now.
    if (month.month > 1 && month.year == ledger.meta.year)
        history.push_back(RankingsOfRecord(ledger, timelines, YearMonth::FromIndex(month.Index() - 1)));
    if (const PublishedRankings* published = FindPublished(ledger, month))
        b.rankings = FromPublished(*published);
    else
        b.rankings = RankingsFromIndicators(ledger, b.indicators);
    history.push_back(b.rankings);
    b.interviews = ComputeInterviews(ledger, history, month);

    WarningHistory warnings = ComputeWarningHistory(ledger, timelines, month);
    if (const MonthWarnings* mw = warnings.For(month)) {
        for (const ProjectWarning& w : mw->projects) {
            if (w.colour == WarningColour::Green)
                continue;
            const Project& p = ledger.projects[static_cast<std::size_t>(w.project)];
            ColourLine line;
            line.project_id = p.id;
            line.project_name = p.name;
            if (const District* d = FindDistrict(ledger, p.district_id))
                line.district = d->name;
            if (const Department* d = FindDepartment(ledger, p.department_id))
                line.department = d->name;
            line.colour = w.colour;
            line.reasons = JoinReasons(w);
            (w.colour == WarningColour::Red ? b.red : b.yellow).push_back(std::move(line));
        }
    }

    const Date first = month.FirstDay();
    const Date last = month.LastDay();
    const ProjectIndex projects = IndexProjects(ledger);
    for (const Problem& p : ledger.problems) {
        if (p.assigned_date >= first && p.assigned_date <= last)
            b.assigned.push_back(MakeLine(ledger, projects, p, last));
        ProblemStanding s = ProblemStandingAt(p, last);
        if (s.closed && s.closed_on && *s.closed_on >= first)
            b.closed.push_back(MakeLine(ledger, projects, p, last));
        if (s.overdue)
            b.overdue.push_back(MakeLine(ledger, projects, p, last));
    }
    std::stable_sort(b.overdue.begin(), b.overdue.end(),
                     [](const ProblemLine& x, const ProblemLine& y) { return x.days_overdue > y.days_overdue; });
    b.campaign = CampaignDue(ledger.meta.year, month);
    b.overview = Overview(ledger, b);
    return b;
}

Dispatch BuildDispatch(const Ledger& ledger, int year, int quarter)
{
    Dispatch d;
    d.title = "重点项目季度调度";
    d.issuing_unit = ledger.meta.issuing_unit.empty() ? "项目竣工攻坚组办公室" : ledger.meta.issuing_unit;
    d.year = year;
    d.quarter = std::clamp(quarter, 1, 4);
    d.first = YearMonth{year, d.quarter * 3 - 2};
    d.last = YearMonth{year, d.quarter * 3};
    d.date = d.last.LastDay();
    const Date first = d.first.FirstDay();
    const Date last = d.last.LastDay();
    const ProjectIndex projects = IndexProjects(ledger);
    auto row_for = [&](const std::string& unit_id) -> DispatchUnitRow& {
        for (DispatchUnitRow& r : d.units)
            if (r.unit_id == unit_id)
                return r;
        d.units.push_back(DispatchUnitRow{unit_id, UnitName(ledger, unit_id)});
        return d.units.back();
    };
    for (const Problem& p : ledger.problems) {
        if (p.assigned_date > last)
            continue;
        ProblemStanding s = ProblemStandingAt(p, last);
        const bool assigned_in = p.assigned_date >= first;
        const bool closed_in = s.closed && s.closed_on && *s.closed_on >= first;
        if (!assigned_in && !closed_in && s.closed)
            continue;  // closed out before the quarter: nothing to dispatch
        DispatchUnitRow& r = row_for(p.responsible_unit_id);
        r.assigned += assigned_in;
        r.closed += closed_in;
        r.overdue += s.overdue;
        r.open += !s.closed;
        if (!s.closed)
            d.meeting_list.push_back(MakeLine(ledger, projects, p, last));
    }
    // Units in the ledger's order: districts, then departments.
    auto order = [&](const std::string& id) {
        for (std::size_t i = 0; i < ledger.districts.size(); ++i)
            if (ledger.districts[i].id == id)
                return static_cast<int>(i);
        for (std::size_t i = 0; i < ledger.departments.size(); ++i)
            if (ledger.departments[i].id == id)
                return static_cast<int>(ledger.districts.size() + i);
        return static_cast<int>(ledger.districts.size() + ledger.departments.size());
    };
    std::stable_sort(d.units.begin(), d.units.end(),
                     [&](const DispatchUnitRow& a, const DispatchUnitRow& b) { return order(a.unit_id) < order(b.unit_id); });
    std::stable_sort(d.meeting_list.begin(), d.meeting_list.end(), [](const ProblemLine& a, const ProblemLine& b) {
        if (a.days_overdue != b.days_overdue)
            return a.days_overdue > b.days_overdue;
        return a.deadline < b.deadline;
    });
    return d;
}

//-----------------------------------------------------------------------------
// [SECTION] HTML
//-----------------------------------------------------------------------------

namespace {

// Official-document look: red masthead, 仿宋 body, 黑体 headings, A4 with print margins.
const char* kHtmlStyle = R"css(
@page { size: A4; margin: 25mm 20mm 22mm 20mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
       font-size: 12pt; line-height: 1.6; color: #000; max-width: 170mm; margin: 0 auto; }
.masthead { text-align: center; color: #c00; font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Songti SC", serif;
            font-size: 26pt; font-weight: bold; letter-spacing: 2pt; margin: 10mm 0 4mm; }
.issue { display: flex; justify-content: space-between; font-size: 12pt; }
.rule { border: 0; border-top: 2px solid #c00; margin: 2mm 0 6mm; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif;
     font-size: 14pt; margin: 6mm 0 3mm; }
p.lead { text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin-bottom: 4mm; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
.red { color: #c00; }
.yellow { color: #b8860b; }
section + section { break-before: page; page-break-before: always; }
.footer { margin-top: 8mm; text-align: right; }
)css";

void Cell(std::string& out, const std::string& text, bool number = false)
{
    out += number ? "<td class=\"n\">" : "<td>";
    out += HtmlEscape(text);
    out += "</td>";
}

void HeaderRow(std::string& out, std::initializer_list<const char*> headers)
{
    out += "<tr>";
    for (const char* h : headers) {
        out += "<th>";
        out += h;
        out += "</th>";
    }
    out += "</tr>\n";
}

void IndicatorTable(std::string& out, const std::vector<const UnitIndicators*>& units, const char* unit_header)
{
    out += "<table>\n";
    HeaderRow(out, {unit_header, "计划投资（万元）", "完成投资（万元）", "投资完成率", "序时进度", "履约率", "开工率",
                    "资金到位率", "竣工投产率"});
    for (const UnitIndicators* u : units) {
        const IndicatorSet& s = u->set;
        const Figure& inv = s.Get(Indicator::Investment);
        out += "<tr>";
        Cell(out, u->name);
        Cell(out, Money::FromCents(inv.denominator).ToDisplay(), true);
        Cell(out, Money::FromCents(inv.numerator).ToDisplay(), true);
        Cell(out, FormatPercent(inv.percent), true);
        Cell(out, FormatPercent(s.schedule_percent), true);
        Cell(out, FormatPercent(s.Get(Indicator::Fulfilment).percent), true);
        Cell(out, FormatPercent(s.Get(Indicator::Start).percent), true);
        Cell(out, FormatPercent(s.Get(Indicator::Funds).percent), true);
        Cell(out, FormatPercent(s.Get(Indicator::Completion).percent), true);
        out += "</tr>\n";
    }
    out += "</table>\n";
}

void RankingTable(std::string& out, const Ranking& r, const char* unit_header)
{
    out += "<table>\n";
    HeaderRow(out, {"名次", unit_header, "投资完成得分", "开工得分", "资金到位得分", "竣工投产得分", "综合得分", "备注"});
    for (const RankEntry& e : r.entries) {
        out += "<tr>";
        Cell(out, std::to_string(e.rank), true);
        Cell(out, e.name);
        for (double p : e.points)
            Cell(out, Fixed2(p), true);
        Cell(out, Fixed2(e.score), true);
        Cell(out, e.bottom ? "排名靠后" : "");
        out += "</tr>\n";
    }
    out += "</table>\n";
}

void ProblemTable(std::string& out, const std::vector<ProblemLine>& lines, bool with_overdue)
{
    if (lines.empty()) {
        out += "<p>无。</p>\n";
        return;
    }
    out += "<table>\n";
    if (with_overdue)
        HeaderRow(out, {"编号", "项目", "类别", "问题", "责任单位", "交办日期", "办理期限", "超期天数"});
    else
        HeaderRow(out, {"编号", "项目", "类别", "问题", "责任单位", "交办日期", "办理期限", "销号日期"});
    for (const ProblemLine& l : lines) {
        out += "<tr>";
        Cell(out, l.id);
        Cell(out, l.project_name);
        Cell(out, l.category);
        Cell(out, l.text);
        Cell(out, l.unit_name);
        Cell(out, l.assigned.ToString());
        Cell(out, l.deadline.ToString());
        if (with_overdue)
            Cell(out, std::to_string(l.days_overdue), true);
        else
            Cell(out, l.closed_on ? l.closed_on->ToString() : "");
        out += "</tr>\n";
    }
    out += "</table>\n";
}

void ColourTable(std::string& out, const std::vector<ColourLine>& lines)
{
    if (lines.empty()) {
        out += "<p>无。</p>\n";
        return;
    }
    out += "<table>\n";
    HeaderRow(out, {"项目编号", "项目名称", "县市区", "服务责任部门", "预警原因"});
    for (const ColourLine& l : lines) {
        out += "<tr>";
        Cell(out, l.project_id);
        Cell(out, l.project_name);
        Cell(out, l.district);
        Cell(out, l.department);
        Cell(out, l.reasons);
        out += "</tr>\n";
    }
    out += "</table>\n";
}

template <typename T>
std::vector<const T*> Pointers(const std::vector<T>& v)
{
    std::vector<const T*> out;
    for (const T& x : v)
        out.push_back(&x);
    return out;
}

// The head of every document: the page's title, the red masthead, the number (第N期, 2016年第2季度)
// and the issuing unit with the date over a red rule; opens the first section.
void DocumentStart(std::string& out, const std::string& page_title, const std::string& masthead, const std::string& number,
                   const std::string& issuing_unit, Date date)
{
    out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    out += HtmlEscape(page_title);
    out += "</title>\n<style>";
    out += kHtmlStyle;
    out += "</style>\n</head>\n<body>\n";
    out += "<section>\n<div class=\"masthead\">" + HtmlEscape(masthead) + "</div>\n";
    out += "<div class=\"issue\"><span>" + HtmlEscape(number) + "</span></div>\n";
    out += "<div class=\"issue\"><span>" + HtmlEscape(issuing_unit) + "</span><span>" + DateTextZh(date) +
           "</span></div>\n<hr class=\"rule\">\n";
}

// The signature (issuing unit, date) closing the last section, and the page's end.
void DocumentEnd(std::string& out, const std::string& issuing_unit, Date date)
{
    out += "<div class=\"footer\">" + HtmlEscape(issuing_unit) + "<br>" + DateTextZh(date) + "</div>\n";
    out += "</section>\n</body>\n</html>\n";
}

// A table of table.h as HTML: numbers right-aligned, the columns named in `hidden` (identifiers a
// printed document does not need) left out; "无。" for a table without rows.
void TableHtml(std::string& out, const Table& table, std::initializer_list<const char*> hidden = {})
{
    if (table.rows.empty()) {
        out += "<p>无。</p>\n";
        return;
    }
    std::vector<bool> shown;
    for (const std::string& h : table.header)
        shown.push_back(std::none_of(hidden.begin(), hidden.end(), [&](const char* name) { return h == name; }));
    out += "<table>\n<tr>";
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (shown[c])
            out += "<th>" + HtmlEscape(table.header[c]) + "</th>";
    out += "</tr>\n";
    for (const std::vector<TableCell>& row : table.rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c)
            if (c >= shown.size() || shown[c])
                Cell(out, row[c].text, row[c].number.has_value());
        out += "</tr>\n";
    }
    out += "</table>\n";
}

} // namespace

std::string BulletinHtml(const Bulletin& b, const Ledger& ledger)
{
    std::string out;
    out.reserve(64 * 1024);
    DocumentStart(out, b.title + "（" + MonthTextZh(b.month) + "）", b.title, "第" + std::to_string(b.number) + "期",
                  b.issuing_unit, b.date);
    out += "<h2>一、总体情况</h2>\n<p class=\"lead\">" + HtmlEscape(b.overview) + "</p>\n";
    IndicatorTable(out, {&b.indicators.total}, "范围");
    out += "<h2>指标说明</h2>\n<ul>\n";
    for (const Figure& f : b.indicators.total.set.figures)
        out += "<li>" + HtmlEscape(ExplainFigure(f, ledger.settings.indicators, Language::Chinese)) + "</li>\n";
    out += "</ul>\n";
    if (!b.campaign.empty()) {
        out += "<h2>本月工作安排</h2>\n<ul>\n";
        for (const CampaignEvent& e : b.campaign)
            out += "<li>" + HtmlEscape(e.name + "：" + e.description) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</section>\n";

    out += "<section>\n<h2>二、各县市区指标及排名</h2>\n";
    IndicatorTable(out, Pointers(b.indicators.districts), "县市区");
    RankingTable(out, b.rankings.districts, "县市区");
    out += "</section>\n<section>\n<h2>三、服务责任部门指标及排名</h2>\n";
    IndicatorTable(out, Pointers(b.indicators.departments), "服务责任部门");
    RankingTable(out, b.rankings.departments, "服务责任部门");
    out += "</section>\n";

    out += "<section>\n<h2>四、预警项目</h2>\n<h2 class=\"red\">红色预警（" + std::to_string(b.red.size()) + "个）</h2>\n";
    ColourTable(out, b.red);
    out += "<h2 class=\"yellow\">黄色预警（" + std::to_string(b.yellow.size()) + "个）</h2>\n";
    ColourTable(out, b.yellow);
    out += "</section>\n";

    out += "<section>\n<h2>五、交办问题</h2>\n<h2>本月新交办（" + std::to_string(b.assigned.size()) + "个）</h2>\n";
    ProblemTable(out, b.assigned, false);
    out += "<h2>本月销号（" + std::to_string(b.closed.size()) + "个）</h2>\n";
    ProblemTable(out, b.closed, false);
    out += "<h2>超期未销号（" + std::to_string(b.overdue.size()) + "个）</h2>\n";
    ProblemTable(out, b.overdue, true);
    out += "</section>\n";

    out += "<section>\n<h2>六、约谈名单</h2>\n";
    if (b.interviews.empty()) {
        out += "<p>本月无。</p>\n";
    } else {
        out += "<table>\n";
        HeaderRow(out, {"单位", "约谈人", "原因"});
        for (const InterviewEntry& e : b.interviews) {
            out += "<tr>";
            Cell(out, e.unit_name);
            Cell(out, e.interviewer);
            Cell(out, e.explanation);
            out += "</tr>\n";
        }
        out += "</table>\n";
    }
    DocumentEnd(out, b.issuing_unit, b.date);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Tables and CSV
//-----------------------------------------------------------------------------

namespace {

TableCell CountCell(long n) { return TableCell::Number(static_cast<double>(n), std::to_string(n)); }
TableCell ScoreCell(double v) { return TableCell::Number(v, Fixed2(v)); }
// A percent with no denominator stays an empty text cell: a spreadsheet must not read it as 0.
TableCell PercentCell(std::optional<double> p) { return p ? ScoreCell(*p) : TableCell(); }
TableCell FigureCell(const Figure& f, int64_t value)
{
    return TableCell::Number(f.IsMoney() ? static_cast<double>(value) / 100.0 : static_cast<double>(value),
                             FigureNumber(f, value));
}

Table IndicatorsTable(const char* title, const std::vector<const UnitIndicators*>& units)
{
    Table t{title,
            {"单位编号", "单位", "计划投资_万元", "完成投资_万元", "投资完成率_%", "序时进度_%", "履约率_%", "开工率_%", "资金到位率_%",
             "竣工投产率_%"},
            {}};
    for (const UnitIndicators* u : units) {
        const IndicatorSet& s = u->set;
        const Figure& inv = s.Get(Indicator::Investment);
        t.rows.push_back({u->id, u->name, FigureCell(inv, inv.denominator), FigureCell(inv, inv.numerator),
                          PercentCell(inv.percent), ScoreCell(s.schedule_percent), PercentCell(s.Get(Indicator::Fulfilment).percent),
                          PercentCell(s.Get(Indicator::Start).percent), PercentCell(s.Get(Indicator::Funds).percent),
                          PercentCell(s.Get(Indicator::Completion).percent)});
    }
    return t;
}

Table RankingsTable(const char* title, const Ranking& r)
{
    Table t{title, {"名次", "单位编号", "单位", "投资完成得分", "开工得分", "资金到位得分", "竣工投产得分", "综合得分", "排名靠后"}, {}};
    for (const RankEntry& e : r.entries)
        t.rows.push_back({CountCell(e.rank), e.unit_id, e.name, ScoreCell(e.points[0]), ScoreCell(e.points[1]),
                          ScoreCell(e.points[2]), ScoreCell(e.points[3]), ScoreCell(e.score), e.bottom ? "是" : "否"});
    return t;
}

Table ProblemsTable(const char* title, const std::vector<ProblemLine>& lines)
{
    Table t{title, {"编号", "项目编号", "项目", "类别", "问题", "责任单位", "交办日期", "办理期限", "销号日期", "超期天数"}, {}};
    for (const ProblemLine& l : lines)
        t.rows.push_back({l.id, l.project_id, l.project_name, l.category, l.text, l.unit_name, l.assigned.ToString(),
                          l.deadline.ToString(), l.closed_on ? l.closed_on->ToString() : "", CountCell(l.days_overdue)});
    return t;
}

Table ColoursTable(const char* title, const std::vector<ColourLine>& lines)
{
    Table t{title, {"项目编号", "项目名称", "县市区", "服务责任部门", "预警原因"}, {}};
    for (const ColourLine& l : lines)
        t.rows.push_back({l.project_id, l.project_name, l.district, l.department, l.reasons});
    return t;
}

Table AssessmentGroupTable(const char* title, const std::vector<AssessmentEntry>& entries)
{
    Table t{title, {"名次", "单位编号", "单位", "定量得分", "定性得分", "加权得分", "超期问题数", "扣分", "总分"}, {}};
    for (const AssessmentEntry& e : entries)
        t.rows.push_back({CountCell(e.rank), e.unit_id, e.name, ScoreCell(e.quantitative),
                          e.qualitative ? ScoreCell(*e.qualitative) : TableCell(), ScoreCell(e.weighted),
                          CountCell(e.overdue_problems), ScoreCell(e.deduction), ScoreCell(e.total)});
    return t;
}

std::string QuarterTextZh(const Dispatch& d) { return std::to_string(d.year) + "年第" + std::to_string(d.quarter) + "季度"; }

} // namespace

HeadingRows BulletinHeading(const Bulletin& b)
{
    return {{b.title, "第" + std::to_string(b.number) + "期", b.issuing_unit, b.date.ToString(), b.month.ToString()},
            {"总体情况", b.overview}};
}

std::vector<Table> BulletinTables(const Bulletin& b)
{
    std::vector<Table> tables;
    tables.push_back(IndicatorsTable("合计", {&b.indicators.total}));
    tables.push_back(IndicatorsTable("各县市区指标", Pointers(b.indicators.districts)));
    tables.push_back(IndicatorsTable("服务责任部门指标", Pointers(b.indicators.departments)));
    tables.push_back(RankingsTable("县市区排名", b.rankings.districts));
    tables.push_back(RankingsTable("服务责任部门排名", b.rankings.departments));
    tables.push_back(ColoursTable("红色预警项目", b.red));
    tables.push_back(ColoursTable("黄色预警项目", b.yellow));
    tables.push_back(ProblemsTable("本月新交办问题", b.assigned));
    tables.push_back(ProblemsTable("本月销号问题", b.closed));
    tables.push_back(ProblemsTable("超期未销号问题", b.overdue));
    Table interviews{"约谈名单", {"单位编号", "单位", "约谈人", "原因"}, {}};
    for (const InterviewEntry& e : b.interviews)
        interviews.rows.push_back({e.unit_id, e.unit_name, e.interviewer, e.explanation});
    tables.push_back(std::move(interviews));
    return tables;
}

HeadingRows DispatchHeading(const Dispatch& d)
{
    return {{"季度调度", QuarterTextZh(d), d.first.ToString(), d.last.ToString(), d.issuing_unit, d.date.ToString()}};
}

std::vector<Table> DispatchTables(const Dispatch& d)
{
    std::vector<Table> tables;
    Table units{"各责任单位问题办理情况", {"单位编号", "责任单位", "本季交办", "本季销号", "季末超期", "季末未销号"}, {}};
    for (const DispatchUnitRow& r : d.units)
        units.rows.push_back({r.unit_id, r.unit_name, CountCell(r.assigned), CountCell(r.closed), CountCell(r.overdue),
                              CountCell(r.open)});
    tables.push_back(std::move(units));
    tables.push_back(ProblemsTable("调度会议问题清单", d.meeting_list));
    return tables;
}

HeadingRows AssessmentHeading(const Assessment& a) { return {{"年度考核", a.month.ToString()}}; }

std::vector<Table> AssessmentTables(const Assessment& a)
{
    return {AssessmentGroupTable("县市区", a.districts), AssessmentGroupTable("服务责任部门", a.departments)};
}

std::string BulletinCsv(const Bulletin& b, const Ledger& /*ledger*/) { return TablesCsv(BulletinTables(b), true, BulletinHeading(b)); }

std::string DispatchCsv(const Dispatch& d) { return TablesCsv(DispatchTables(d), true, DispatchHeading(d)); }

std::string AssessmentCsv(const Assessment& a) { return TablesCsv(AssessmentTables(a), true, AssessmentHeading(a)); }

//-----------------------------------------------------------------------------
// [SECTION] Dispatch and assessment HTML (from the same tables as their CSV)
//-----------------------------------------------------------------------------

std::string DispatchHtml(const Dispatch& d, const Ledger& /*ledger*/)
{
    std::string out;
    out.reserve(32 * 1024);
    const std::string quarter = QuarterTextZh(d);
    DocumentStart(out, d.title + "（" + quarter + "）", d.title, quarter, d.issuing_unit, d.date);
    int assigned = 0, closed = 0, overdue = 0, open = 0;
    for (const DispatchUnitRow& r : d.units) {
        assigned += r.assigned;
        closed += r.closed;
        overdue += r.overdue;
        open += r.open;
    }
    const std::vector<Table> tables = DispatchTables(d);
    out += "<h2>一、问题交办销号情况</h2>\n<p class=\"lead\">" +
           HtmlEscape(MonthTextZh(d.first) + "至" + MonthTextZh(d.last) + "，共交办问题" + std::to_string(assigned) + "个，销号" +
                      std::to_string(closed) + "个；季末未销号" + std::to_string(open) + "个，其中超期" +
                      std::to_string(overdue) + "个。") +
           "</p>\n";
    TableHtml(out, tables[0], {"单位编号"});
    out += "</section>\n<section>\n<h2>二、调度会议问题清单（" + std::to_string(d.meeting_list.size()) + "个）</h2>\n";
    out += "<p class=\"lead\">以下问题季末尚未销号，提交季度调度会议逐一调度，超期问题在前。</p>\n";
    TableHtml(out, tables[1], {"项目编号", "销号日期"});
    DocumentEnd(out, d.issuing_unit, d.date);
    return out;
}

std::string AssessmentTitle() { return "重点项目竣工攻坚年度考核结果"; }

std::string AssessmentHtml(const Assessment& a, const Ledger& ledger)
{
    std::string out;
    out.reserve(32 * 1024);
    const std::string title = AssessmentTitle();
    const std::string issuing_unit = ledger.meta.issuing_unit.empty() ? "项目竣工攻坚组办公室" : ledger.meta.issuing_unit;
    const Date date = a.month.LastDay();
    DocumentStart(out, title + "（" + std::to_string(a.month.year) + "年度）", title, std::to_string(a.month.year) + "年度",
                  issuing_unit, date);
    const AssessmentSettings& s = ledger.settings.assessment;
    out += "<h2>考核办法</h2>\n<p class=\"lead\">" +
           HtmlEscape("指标数据截至" + MonthTextZh(a.month) + "底。定量得分为月度排名综合得分折算的百分制得分，权重" +
                      Fixed2(s.quantitative_weight) + "；定性得分由攻坚组办公室评定，权重" + Fixed2(s.qualitative_weight) +
                      "，未评定的单位以定量得分计；每个超期办理的交办问题扣" + Fixed2(s.overdue_problem_deduction) +
                      "分。总分 = 加权得分 − 扣分，各组分别排名。") +
           "</p>\n";
    const std::vector<Table> tables = AssessmentTables(a);
    out += "<h2>一、县市区</h2>\n";
    TableHtml(out, tables[0], {"单位编号"});
    out += "</section>\n<section>\n<h2>二、服务责任部门</h2>\n";
    TableHtml(out, tables[1], {"单位编号"});
    DocumentEnd(out, issuing_unit, date);
    return out;
}

} // namespace kpl
