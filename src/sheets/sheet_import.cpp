#include "sheet_import.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace kpl::sheets {

namespace {

struct FieldInfo {
    ProjectField field;
    const char* zh;
    const char* en;
};

// In ProjectField order.
const FieldInfo kFields[] = {
    {ProjectField::Ignore, "（不导入）", "(not imported)"},
    {ProjectField::Code, "项目代码", "Project code"},
    {ProjectField::Name, "项目名称", "Name"},
    {ProjectField::Category, "类别", "Category"},
    {ProjectField::District, "县市区", "District"},
    {ProjectField::OwnerUnit, "业主单位", "Owner unit"},
    {ProjectField::Content, "建设内容", "Construction content"},
    {ProjectField::StartYear, "开工年份", "Start year"},
    {ProjectField::PlannedCompletion, "计划竣工时间", "Planned completion"},
    {ProjectField::CityLeader, "市级领导", "City leader"},
    {ProjectField::Department, "服务责任部门", "Service department"},
    {ProjectField::ResponsibleLeader, "责任领导", "Responsible leader"},
    {ProjectField::ResponsiblePerson, "责任人", "Responsible person"},
    {ProjectField::Contact, "联系方式", "Contact"},
    {ProjectField::TotalInvestment, "总投资(万元)", "Total investment (10k yuan)"},
    {ProjectField::CompletedBeforeYear, "以前年度完成投资(万元)", "Completed before this year (10k yuan)"},
    {ProjectField::Plan, "年度计划投资(万元)", "Annual plan (10k yuan)"},
    {ProjectField::FundsRequired, "所需资金(万元)", "Funds required (10k yuan)"},
    {ProjectField::FundsInPlace, "到位资金(万元)", "Funds in place (10k yuan)"},
    {ProjectField::Status, "状态", "Status"},
    {ProjectField::CompletionTarget, "竣工目标", "Completion target"},
    {ProjectField::ActualStart, "实际开工时间", "Actual start"},
    {ProjectField::ActualCompletion, "实际竣工时间", "Actual completion"},
};
static_assert(sizeof(kFields) / sizeof(kFields[0]) == static_cast<std::size_t>(ProjectField::Count),
              "kFields lists every ProjectField in order");

bool Contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// A header as compared: no white space (headers often wrap), no unit in brackets, ASCII lower case.
std::string NormalizeHeader(const std::string& header)
{
    std::string out;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const char c = header[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (header.compare(i, 3, "\xE3\x80\x80") == 0) {  // ideographic space
            i += 2;
            continue;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (const char* unit : {"(万元)", "（万元）", "(亿元)", "（亿元）", "(元)", "（元）"}) {
        const std::size_t at = out.find(unit);
        if (at != std::string::npos)
            out.erase(at, std::char_traits<char>::length(unit));
    }
    return out;
}

std::string Trim(const std::string& text)
{
    std::size_t a = 0, b = text.size();
    const auto space_at = [&](std::size_t i) -> std::size_t {  // length of a space at i, 0 if none
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')
            return 1;
        if (text.compare(i, 3, "\xE3\x80\x80") == 0)
            return 3;
        return 0;
    };
    while (a < b && space_at(a))
        a += space_at(a);
    while (b > a) {
        if (b - a >= 1 && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r' || text[b - 1] == '\n'))
            --b;
        else if (b - a >= 3 && text.compare(b - 3, 3, "\xE3\x80\x80") == 0)
            b -= 3;
        else
            break;
    }
    return text.substr(a, b - a);
}

const SheetCell* CellAt(const Sheet& sheet, std::size_t row, std::size_t column)
{
    if (row >= sheet.rows.size() || column >= sheet.rows[row].size())
        return nullptr;
    return &sheet.rows[row][column];
}

double ScaleOf(const std::string& header)
{
    if (Contains(header, "亿元"))
        return 10000;
    if ((Contains(header, "(元)") || Contains(header, "（元）")) && !Contains(header, "万元"))
        return 0.0001;
    return 1;
}

// --- conversions of one cell; each returns false with a reason

struct Reason {
    std::string zh, en;
};

bool ToMoney(const SheetCell& cell, double scale, Money& out, Reason& why)
{
    double value = 0;
    if (cell.number) {
        value = *cell.number * scale;
    } else {
        std::string text;
        for (char c : Trim(cell.text))
            if (c != ',')
                text += c;
        for (const char* drop : {"\xEF\xBC\x8C" /* ， */, "万元"}) {
            std::size_t at;
            while ((at = text.find(drop)) != std::string::npos)
                text.erase(at, std::char_traits<char>::length(drop));
        }
        if (scale == 1) {
            MoneyParseError error = MoneyParseError::None;
            std::optional<Money> money = Money::Parse(text, &error);
            if (!money) {
                if (error == MoneyParseError::TooManyDecimals)
                    why = {"金额超过两位小数（单位万元，最小 0.01 万元）",
                           "more than two decimals (in 10k yuan, to 0.01 at most)"};
                else if (error == MoneyParseError::OutOfRange)
                    why = {"金额超出范围", "the amount is out of range"};
                else
                    why = {"不是金额数字", "not an amount"};
                return false;
            }
            if (money->IsNegative()) {
                why = {"金额不能为负数", "the amount cannot be negative"};
                return false;
            }
            out = *money;
            return true;
        }
        char* end = nullptr;
        value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0') {
            why = {"不是金额数字", "not an amount"};
            return false;
        }
        value *= scale;
    }
    const double cents = value * 100;
    const double rounded = std::round(cents);
    if (!std::isfinite(cents) || std::fabs(rounded) > 1e15) {
        why = {"金额超出范围", "the amount is out of range"};
        return false;
    }
    if (std::fabs(cents - rounded) > 1e-6 * std::max(1.0, std::fabs(cents))) {
        why = {"金额超过两位小数（单位万元，最小 0.01 万元）", "more than two decimals (in 10k yuan, to 0.01 at most)"};
        return false;
    }
    if (rounded < 0) {
        why = {"金额不能为负数", "the amount cannot be negative"};
        return false;
    }
    out = Money::FromCents(static_cast<int64_t>(rounded));
    return true;
}

// Digits of a date's parts, whatever separates them: "2016-12-31", "2016/12/31", "2016.12.31",
// "2016年12月31日"; two parts are a month.
bool ToDate(const SheetCell& cell, Date& out, Reason& why)
{
    why = {"不是日期（应为 2016-12-31 或 2016年12月31日 这样的日期）",
           "not a date (expected a date such as 2016-12-31)"};
    if (cell.number) {
        // An Excel date: days since 1899-12-30 (the 1900 system, past its false 1900-02-29).
        const double serial = *cell.number;
        if (serial < 61 || serial > 2958465 || serial != std::floor(serial))
            return false;
        out = Date::FromDayNumber(static_cast<long>(serial) - 25569);
        return true;
    }
    const std::string text = Trim(cell.text);
    std::vector<int> parts;
    std::string digits;
    std::string separators;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool digit = i < text.size() && text[i] >= '0' && text[i] <= '9';
        if (digit) {
            digits += text[i];
            continue;
        }
        if (!digits.empty()) {
            if (digits.size() > 4)
                return false;
            parts.push_back(std::atoi(digits.c_str()));
            digits.clear();
        }
        if (i < text.size()) {
            // Each separator is one of - / . 年 月 日, after a number.
            std::size_t len = 1;
            if (text.compare(i, 3, "年") == 0 || text.compare(i, 3, "月") == 0 || text.compare(i, 3, "日") == 0)
                len = 3;
            else if (text[i] != '-' && text[i] != '/' && text[i] != '.')
                return false;
            i += len - 1;
        }
    }
    if (parts.size() < 2 || parts.size() > 3 || parts[0] < 1900 || parts[0] > 2100 || parts[1] < 1 || parts[1] > 12)
        return false;
    if (parts.size() == 2) {
        out = YearMonth{parts[0], parts[1]}.LastDay();
        return true;
    }
    if (parts[2] < 1 || parts[2] > DaysInMonth(parts[0], parts[1]))
        return false;
    out = Date{parts[0], parts[1], parts[2]};
    return true;
}

bool ToYear(const SheetCell& cell, int& out, Reason& why)
{
    why = {"不是年份（应为 1900 至 2100 之间的整数）", "not a year (expected a whole number from 1900 to 2100)"};
    double value = 0;
    if (cell.number) {
        value = *cell.number;
    } else {
        std::string text = Trim(cell.text);
        if (text.size() > 3 && text.compare(text.size() - 3, 3, "年") == 0)
            text.resize(text.size() - 3);
        char* end = nullptr;
        value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0')
            return false;
    }
    if (value != std::floor(value) || value < 1900 || value > 2100)
        return false;
    out = static_cast<int>(value);
    return true;
}

bool ToStatus(const std::string& text, ProjectStatus& out, Reason& why)
{
    for (ProjectStatus s : {ProjectStatus::NotStarted, ProjectStatus::UnderConstruction, ProjectStatus::Completed,
                            ProjectStatus::Commissioned})
        if (text == ChineseLabel(s) || text == ToJsonText(s)) {
            out = s;
            return true;
        }
    struct Alias {
        const char* text;
        ProjectStatus status;
    };
    static const Alias kAliases[] = {{"未开工", ProjectStatus::NotStarted},   {"前期", ProjectStatus::NotStarted},
                                     {"续建", ProjectStatus::UnderConstruction}, {"新开工", ProjectStatus::UnderConstruction},
                                     {"在建", ProjectStatus::UnderConstruction}, {"竣工", ProjectStatus::Completed},
                                     {"完工", ProjectStatus::Completed},       {"投产", ProjectStatus::Commissioned},
                                     {"投运", ProjectStatus::Commissioned}};
    for (const Alias& a : kAliases)
        if (text == a.text) {
            out = a.status;
            return true;
        }
    why = {"未知的状态（应为 未开工、在建、已竣工 或 已投产）",
           "unknown status (expected 未开工, 在建, 已竣工 or 已投产)"};
    return false;
}

bool ToYesNo(const std::string& text, bool& out, Reason& why)
{
    std::string folded;
    for (char c : text)
        folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* yes : {"是", "√", "✓", "y", "yes", "true", "1"})
        if (folded == yes) {
            out = true;
            return true;
        }
    for (const char* no : {"否", "×", "n", "no", "false", "0"})
        if (folded == no) {
            out = false;
            return true;
        }
    why = {"应为 是 或 否", "expected 是 (yes) or 否 (no)"};
    return false;
}

// A district by name, by its name without the 县/市/区 suffix ("醴陵" for "醴陵市"), or by ID.
std::string StripUnitSuffix(const std::string& name)
{
    for (const char* suffix : {"县", "市", "区"})
        if (name.size() > 3 && name.compare(name.size() - 3, 3, suffix) == 0)
            return name.substr(0, name.size() - 3);
    return name;
}

std::string FindDistrictId(const Ledger& ledger, const std::string& text)
{
    for (const District& d : ledger.districts)
        if (d.name == text || d.id == text)
            return d.id;
    const std::string bare = StripUnitSuffix(text);
    for (const District& d : ledger.districts)
        if (StripUnitSuffix(d.name) == bare)
            return d.id;
    return "";
}

std::string FindDepartmentId(const Ledger& ledger, const std::string& text)
{
    for (const Department& d : ledger.departments)
        if (d.name == text || d.id == text)
            return d.id;
    return "";
}

std::string FindLeaderId(const Ledger& ledger, const std::string& text)
{
    for (const CityLeader& l : ledger.city_leaders)
        if (l.title == text || l.id == text)
            return l.id;
    return "";
}

void AddOnce(std::vector<std::string>& list, const std::string& name)
{
    if (std::find(list.begin(), list.end(), name) == list.end())
        list.push_back(name);
}

} // namespace

const char* FieldHeaderZh(ProjectField field) { return kFields[static_cast<int>(field)].zh; }
const char* FieldHeaderEn(ProjectField field) { return kFields[static_cast<int>(field)].en; }

const char* FieldKey(ProjectField field)
{
    static const char* const kKeys[] = {
        "ignore", "code", "name", "category", "district", "owner_unit", "content", "start_year",
        "planned_completion", "city_leader", "department", "responsible_leader", "responsible_person", "contact",
        "total_investment_wan", "completed_before_year_wan", "plan_wan", "funds_required_wan", "funds_in_place_wan",
        "status", "completion_target", "actual_start", "actual_completion"};
    static_assert(sizeof(kKeys) / sizeof(kKeys[0]) == static_cast<std::size_t>(ProjectField::Count),
                  "a key for every ProjectField");
    return kKeys[static_cast<int>(field)];
}

ProjectField GuessField(const std::string& header)
{
    const std::string h = NormalizeHeader(header);
    if (h.empty())
        return ProjectField::Ignore;
    for (const FieldInfo& info : kFields)
        if (info.field != ProjectField::Ignore &&
            (h == NormalizeHeader(info.zh) || h == NormalizeHeader(info.en)))
            return info.field;
    struct Rule {
        const char* part;
        ProjectField field;
    };
    // First match wins: the more specific words come first ("实际竣工" before "竣工").
    static const Rule kRules[] = {
        {"序号", ProjectField::Ignore},           {"本年", ProjectField::Ignore},
        {"本月", ProjectField::Ignore},           {"比例", ProjectField::Ignore},
        {"进度", ProjectField::Ignore},           {"到位率", ProjectField::Ignore},
        {"实际竣工", ProjectField::ActualCompletion}, {"实际开工", ProjectField::ActualStart},
        {"竣工目标", ProjectField::CompletionTarget}, {"是否竣工", ProjectField::CompletionTarget},
        {"年内竣工", ProjectField::CompletionTarget}, {"计划竣工", ProjectField::PlannedCompletion},
        {"竣工时间", ProjectField::PlannedCompletion}, {"竣工日期", ProjectField::PlannedCompletion},
        {"开工时间", ProjectField::ActualStart},  {"开工日期", ProjectField::ActualStart},
        {"开工年", ProjectField::StartYear},      {"起始年", ProjectField::StartYear},
        {"以前年度", ProjectField::CompletedBeforeYear}, {"至上年", ProjectField::CompletedBeforeYear},
        {"总投资", ProjectField::TotalInvestment}, {"计划投资", ProjectField::Plan},
        {"年度计划", ProjectField::Plan},         {"到位", ProjectField::FundsInPlace},
        {"所需资金", ProjectField::FundsRequired}, {"资金需求", ProjectField::FundsRequired},
        {"市级领导", ProjectField::CityLeader},   {"市领导", ProjectField::CityLeader},
        {"责任领导", ProjectField::ResponsibleLeader}, {"责任人", ProjectField::ResponsiblePerson},
        {"责任单位", ProjectField::Department},   {"责任部门", ProjectField::Department},
        {"牵头单位", ProjectField::Department},   {"县市区", ProjectField::District},
        {"区县", ProjectField::District},         {"县（市区）", ProjectField::District},
        {"县(市区)", ProjectField::District},     {"所在地", ProjectField::District},
        {"业主", ProjectField::OwnerUnit},        {"建设单位", ProjectField::OwnerUnit},
        {"建设内容", ProjectField::Content},      {"建设规模", ProjectField::Content},
        {"项目名称", ProjectField::Name},         {"编号", ProjectField::Code},
        {"代码", ProjectField::Code},             {"编码", ProjectField::Code},
        {"联系", ProjectField::Contact},          {"电话", ProjectField::Contact},
        {"类别", ProjectField::Category},         {"行业", ProjectField::Category},
        {"状态", ProjectField::Status},
    };
    for (const Rule& rule : kRules)
        if (Contains(h, rule.part))
            return rule.field;
    if (h == "名称" || h == "项目")
        return ProjectField::Name;
    return ProjectField::Ignore;
}

std::string HeaderText(const Sheet& sheet, const ColumnMapping& mapping, std::size_t c)
{
    const SheetCell* cell = CellAt(sheet, mapping.header_row, c);
    return cell ? Trim(cell->text) : std::string();
}

namespace {

ColumnMapping MappingAt(const Sheet& sheet, std::size_t header_row, std::size_t& count)
{
    ColumnMapping m;
    m.header_row = header_row;
    count = 0;
    // Every column of the sheet gets an entry, also those without a header.
    std::size_t width = 0;
    for (const std::vector<SheetCell>& row : sheet.rows)
        width = std::max(width, row.size());
    for (std::size_t c = 0; c < width; ++c) {
        const SheetCell* cell = CellAt(sheet, header_row, c);
        const std::string text = cell ? cell->text : std::string();
        ProjectField f = GuessField(text);
        if (f != ProjectField::Ignore && std::find(m.columns.begin(), m.columns.end(), f) != m.columns.end())
            f = ProjectField::Ignore;  // the first column naming a field takes it
        if (f != ProjectField::Ignore)
            ++count;
        m.columns.push_back(f);
        m.scales.push_back(ScaleOf(text));
    }
    return m;
}

} // namespace

ColumnMapping GuessMappingAt(const Sheet& sheet, std::size_t header_row)
{
    std::size_t count = 0;
    return MappingAt(sheet, header_row, count);
}

ColumnMapping GuessMapping(const Sheet& sheet)
{
    ColumnMapping best;
    std::size_t best_count = 0;
    for (std::size_t r = 0; r < std::min<std::size_t>(10, sheet.rows.size()); ++r) {
        std::size_t count = 0;
        ColumnMapping m = MappingAt(sheet, r, count);
        if (count > best_count) {
            best = std::move(m);
            best_count = count;
        }
    }
    if (best_count == 0)
        return GuessMappingAt(sheet, 0);
    return best;
}

bool SheetImport::CanImport() const
{
    if (rows.empty() || !has_name_column)
        return false;
    for (const ImportIssue& issue : issues)
        if (issue.blocking)
            return false;
    return true;
}

std::vector<Project> SheetImport::Projects() const
{
    std::vector<Project> out;
    out.reserve(rows.size());
    for (const ImportedRow& row : rows)
        out.push_back(row.project);
    return out;
}

SheetImport BuildImport(const Ledger& ledger, const Sheet& sheet, const ColumnMapping& mapping,
                        const ImportDefaults& defaults)
{
    SheetImport result;
    std::size_t width = mapping.columns.size();
    for (ProjectField f : mapping.columns)
        if (f == ProjectField::Name)
            result.has_name_column = true;
    std::size_t name_column = 0;
    for (std::size_t c = 0; c < width; ++c)
        if (mapping.columns[c] == ProjectField::Name)
            name_column = c;

    for (std::size_t r = mapping.header_row + 1; r < sheet.rows.size(); ++r) {
        const std::vector<SheetCell>& cells = sheet.rows[r];
        bool any = false;
        for (const SheetCell& cell : cells)
            any = any || !Trim(cell.text).empty();
        if (!any)
            continue;
        // A totals row (合计 in its first filled cell, the number column or the name) is no project.
        std::string first_text;
        for (const SheetCell& cell : cells)
            if (first_text.empty())
                first_text = NormalizeHeader(cell.text);
        if (first_text == "合计" || first_text == "总计" || first_text == "小计") {
            ++result.skipped_total_rows;
            continue;
        }
        ImportedRow row;
        row.sheet_row = r + 1;
        Project& p = row.project;
        p.start_year = ledger.meta.year;
        p.extra = nlohmann::json::object();
        bool has_status = false;
        const auto issue = [&](std::size_t c, const std::string& value, const Reason& why, bool blocking) {
            ImportIssue i;
            i.row = r + 1;
            i.column = c;
            i.header = HeaderText(sheet, mapping, c);
            i.value = value;
            i.message_zh = why.zh;
            i.message_en = why.en;
            i.blocking = blocking;
            result.issues.push_back(std::move(i));
            row.has_issue = true;
        };
        // References: a name the ledger lacks blocks the import; an empty one takes the default.
        const auto reference = [&](std::size_t c, const std::string& text, std::string& id, const std::string& found,
                                   std::vector<std::string>& missing, const char* what_zh, const char* what_en) {
            if (text.empty())
                return;
            if (!found.empty()) {
                id = found;
                return;
            }
            AddOnce(missing, text);
            issue(c, text,
                  Reason{std::string("台账中没有这个") + what_zh + "：" + text,
                         std::string("the ledger has no ") + what_en + " named " + text},
                  true);
        };
        for (std::size_t c = 0; c < width; ++c) {
            const ProjectField field = mapping.columns[c];
            if (field == ProjectField::Ignore)
                continue;
            static const SheetCell kEmpty;
            const SheetCell& cell = c < cells.size() ? cells[c] : kEmpty;
            const std::string text = Trim(cell.text);
            if (text.empty() && !cell.number)
                continue;
            const double scale = c < mapping.scales.size() ? mapping.scales[c] : 1;
            Reason why;
            switch (field) {
            case ProjectField::Code: p.code = text; break;
            case ProjectField::Name: p.name = text; break;
            case ProjectField::Category: p.category = text; break;
            case ProjectField::OwnerUnit: p.owner_unit = text; break;
            case ProjectField::Content: p.content = text; break;
            case ProjectField::ResponsibleLeader: p.responsible_leader = text; break;
            case ProjectField::ResponsiblePerson: p.responsible_person = text; break;
            case ProjectField::Contact: p.contact = text; break;
            case ProjectField::District:
                reference(c, text, p.district_id, FindDistrictId(ledger, text), result.missing_districts, "县市区",
                          "district");
                break;
            case ProjectField::Department:
                reference(c, text, p.department_id, FindDepartmentId(ledger, text), result.missing_departments,
                          "服务责任部门", "department");
                break;
            case ProjectField::CityLeader:
                reference(c, text, p.city_leader_id, FindLeaderId(ledger, text), result.missing_leaders, "市级领导",
                          "city leader");
                break;
            case ProjectField::StartYear:
                if (!ToYear(cell, p.start_year, why))
                    issue(c, text, why, false);
                break;
            case ProjectField::PlannedCompletion:
            case ProjectField::ActualStart:
            case ProjectField::ActualCompletion: {
                Date date;
                if (!ToDate(cell, date, why)) {
                    issue(c, text, why, false);
                    break;
                }
                (field == ProjectField::PlannedCompletion ? p.planned_completion
                 : field == ProjectField::ActualStart     ? p.actual_start
                                                          : p.actual_completion) = date;
                break;
            }
            case ProjectField::TotalInvestment:
            case ProjectField::CompletedBeforeYear:
            case ProjectField::Plan:
            case ProjectField::FundsRequired:
            case ProjectField::FundsInPlace: {
                Money money;
                if (!ToMoney(cell, scale, money, why)) {
                    issue(c, text, why, false);
                    break;
                }
                (field == ProjectField::TotalInvestment       ? p.total_investment
                 : field == ProjectField::CompletedBeforeYear ? p.completed_before_year
                 : field == ProjectField::Plan                ? p.plan
                 : field == ProjectField::FundsRequired       ? p.funds_required
                                                              : p.funds_in_place) = money;
                break;
            }
            case ProjectField::Status:
                if (ToStatus(text, p.status, why))
                    has_status = true;
                else
                    issue(c, text, why, false);
                break;
            case ProjectField::CompletionTarget:
                if (!ToYesNo(text, p.completion_target, why))
                    issue(c, text, why, false);
                break;
            case ProjectField::Ignore:
            case ProjectField::Count:
                break;
            }
        }
        if (!has_status && p.actual_start)
            p.status = p.actual_completion ? ProjectStatus::Completed : ProjectStatus::UnderConstruction;
        if (p.name.empty() && result.has_name_column)
            issue(name_column, "", Reason{"项目名称为空", "the project name is empty"}, false);
        // Empty references take the defaults; none at all blocks (the ledger requires all three).
        struct Required {
            std::string* id;
            const std::string* fallback;
            ProjectField field;
            const char* zh;
            const char* en;
        };
        const Required required[] = {
            {&p.district_id, &defaults.district_id, ProjectField::District, "县市区", "district"},
            {&p.department_id, &defaults.department_id, ProjectField::Department, "服务责任部门", "department"},
            {&p.city_leader_id, &defaults.city_leader_id, ProjectField::CityLeader, "市级领导", "city leader"},
        };
        for (const Required& req : required) {
            bool named = false;  // a name was given (and reported if unknown)
            std::size_t column = width;
            for (std::size_t c = 0; c < width; ++c)
                if (mapping.columns[c] == req.field) {
                    column = c;
                    named = c < cells.size() && !Trim(cells[c].text).empty();
                }
            if (!req.id->empty() || named)
                continue;
            if (!req.fallback->empty()) {
                *req.id = *req.fallback;
                continue;
            }
            issue(column < width ? column : 0, "",
                  Reason{std::string(req.zh) + "为空，且未选择默认" + req.zh,
                         std::string("no ") + req.en + " given, and no default " + req.en + " chosen"},
                  true);
            if (column >= width)
                result.issues.back().header = FieldHeaderZh(req.field);
        }
        result.rows.push_back(std::move(row));
    }
    return result;
}

} // namespace kpl::sheets
