// The record rules of validate.h. Each rule names the fields it reads and is skipped when one of
// them could not be read, so a placeholder value never produces a finding.
//
// [SECTION] Shared pieces: IDs, quoting, paths, messages
// [SECTION] One record being checked
// [SECTION] Lookups by ID: linear for one record, hashed for a whole ledger
// [SECTION] Projects
// [SECTION] Problems
// [SECTION] Meta and settings
// [SECTION] The whole ledger
#include "validate.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "json_tree.h"
#include "problem_lifecycle.h"

namespace kpl {

//-----------------------------------------------------------------------------
// [SECTION] Shared pieces: IDs, quoting, paths, messages
//-----------------------------------------------------------------------------

void Findings::Append(Findings other)
{
    for (Diagnostic& d : other.errors)
        errors.push_back(std::move(d));
    for (Diagnostic& d : other.warnings)
        warnings.push_back(std::move(d));
}

namespace {

// `path` is `base` or lies under it ("reports" covers "reports[2].month", not "reports_x").
bool IsSameOrUnder(std::string_view path, std::string_view base)
{
    if (base.empty())
        return true;
    if (path.size() < base.size() || path.compare(0, base.size(), base) != 0)
        return false;
    return path.size() == base.size() || path[base.size()] == '.' || path[base.size()] == '[';
}

std::vector<const Diagnostic*> Select(const std::vector<Diagnostic>& list, std::string_view path, bool nested)
{
    std::vector<const Diagnostic*> out;
    for (const Diagnostic& d : list)
        if (d.path == path || (nested && IsSameOrUnder(d.path, path)))
            out.push_back(&d);
    return out;
}

} // namespace

std::vector<const Diagnostic*> Findings::ErrorsAt(std::string_view path, bool nested) const
{
    return Select(errors, path, nested);
}

std::vector<const Diagnostic*> Findings::WarningsAt(std::string_view path, bool nested) const
{
    return Select(warnings, path, nested);
}

bool IsValidId(std::string_view id)
{
    if (id.empty() || id.size() > kMaxIdLength)
        return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-')))
            return false;
    }
    return true;
}

std::string QuoteForMessage(std::string_view text)
{
    constexpr std::size_t kMaxBytes = 60;
    std::string_view shown = text;
    bool cut = false;
    if (shown.size() > kMaxBytes) {
        std::size_t end = kMaxBytes;
        while (end > 0 && (static_cast<unsigned char>(shown[end]) & 0xC0) == 0x80)
            --end;
        shown = shown.substr(0, end);
        cut = true;
    }
    std::string out;
    json_tree::AppendJsonString(out, shown);
    if (cut)
        out.insert(out.size() - 1, "…");
    return out;
}

std::string JoinPath(const std::string& base, std::string_view key)
{
    std::string path = base;
    json_tree::AppendPathKey(path, key);
    return path;
}

std::string IndexPath(const std::string& base, std::size_t index)
{
    std::string path = base;
    json_tree::AppendPathIndex(path, index);
    return path;
}

std::string HundredthsText(double value)
{
    std::string out;
    AppendHundredths(out, std::llround(value * 100.0));
    return out;
}

Diagnostic InvalidIdMessage(const std::string& path, std::string_view id)
{
    return Diagnostic{path,
                      "ID " + QuoteForMessage(id) + " 无效：只能由字母、数字和 _ . - 组成，以字母或数字开头，最长 64 个字符",
                      "invalid ID " + QuoteForMessage(id) +
                          ": use letters, digits, _ . - only, starting with a letter or digit, at most 64 characters",
                      0, 0};
}

Diagnostic NegativeMoneyMessage(const std::string& path, const std::string& value_text)
{
    return Diagnostic{path, "金额不能为负数，实际为 " + value_text, "money must not be negative, got " + value_text, 0, 0};
}

Diagnostic OutOfRangeMessage(const std::string& path, const std::string& min_text, const std::string& max_text,
                             const std::string& value_text)
{
    return Diagnostic{path, "应在 " + min_text + " 到 " + max_text + " 之间，实际为 " + value_text,
                      "must be between " + min_text + " and " + max_text + ", got " + value_text, 0, 0};
}

Diagnostic NotNegativeMessage(const std::string& path, const std::string& value_text)
{
    return Diagnostic{path, "不能为负数，实际为 " + value_text, "must not be negative, got " + value_text, 0, 0};
}

Diagnostic IntegerAtLeastMessage(const std::string& path, long long min, const std::string& value_text)
{
    return Diagnostic{path, "应为不小于 " + std::to_string(min) + " 的整数，实际为 " + value_text,
                      "expected an integer of at least " + std::to_string(min) + ", got " + value_text, 0, 0};
}

Diagnostic MissingFieldMessage(const std::string& path)
{
    return Diagnostic{path, "缺少必填字段", "missing required field", 0, 0};
}

Diagnostic EmptyReferenceMessage(const std::string& path)
{
    return Diagnostic{path, "引用的 ID 不能为空", "the referenced ID must not be empty", 0, 0};
}

namespace {

std::string MoneyText(Money m) { return m.ToString(); }

bool IsRealDate(const Date& d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= DaysInMonth(d.year, d.month);
}
bool IsRealMonth(const YearMonth& m) { return m.year >= 1 && m.year <= 9999 && m.month >= 1 && m.month <= 12; }
bool IsUnset(const Date& d) { return d.year == 0 && d.month == 0 && d.day == 0; }

Diagnostic DuplicateIdMessage(const std::string& path, const std::string& id, const std::string& first)
{
    return Diagnostic{path, "ID " + QuoteForMessage(id) + " 重复，已用于 " + first,
                      "duplicate ID " + QuoteForMessage(id) + ", already used by " + first, 0, 0};
}

Diagnostic DanglingMessage(const std::string& path, const std::string& id, const char* what_zh, const char* what_en)
{
    return Diagnostic{path, std::string("引用的") + what_zh + " " + QuoteForMessage(id) + " 不存在",
                      std::string("refers to ") + what_en + " " + QuoteForMessage(id) + ", which does not exist", 0, 0};
}

Diagnostic BadMonthMessage(const std::string& path, const YearMonth& m)
{
    std::string text = QuoteForMessage(m.ToString());
    return Diagnostic{path, "月份应写作 YYYY-MM（01–12 月），实际为 " + text,
                      "a month must be written YYYY-MM (months 01-12), got " + text, 0, 0};
}

//-----------------------------------------------------------------------------
// [SECTION] One record being checked
//-----------------------------------------------------------------------------

// A field of the record being checked: "plan_wan", "reports[2]", "reports[2].month". Spelled out
// as text only for a finding, or when the record has unreadable fields: checking a ledger of
// 10,000 projects builds no strings for the fields that are fine.
struct Field {
    std::string_view list;     // a list member of the record, or "" for a plain member
    std::size_t index = 0;
    std::string_view key;      // the member (of the element, when `list` is set); "" for the element

    Field(const char* member) : key(member) {}
    Field(std::string_view list_name, std::size_t i, std::string_view member = {})
        : list(list_name), index(i), key(member) {}

    void AppendTo(std::string& out) const
    {
        if (!list.empty()) {
            if (!out.empty())
                out += '.';
            out.append(list);
            json_tree::AppendPathIndex(out, index);
        }
        if (!key.empty()) {
            if (!out.empty())
                out += '.';
            out.append(key);
        }
    }
    std::string Text() const
    {
        std::string out;
        AppendTo(out);
        return out;
    }
};

// Where findings about one record go, and which of its fields are known. The record's own path is
// `base`, or `base[index]` for an element of a list of the ledger.
class Record {
public:
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

    Record(std::string_view base, const std::vector<std::string>& unreadable, Findings& out)
        : base_(base), unreadable_(unreadable), out_(out) {}
    Record(std::string_view list, std::size_t index, const std::vector<std::string>& unreadable, Findings& out)
        : base_(list), index_(index), unreadable_(unreadable), out_(out) {}

    // Whether the value at `field` and everything under it could be read. A rule that reads a whole
    // list asks about the list.
    bool Known(const Field& field) const
    {
        if (unreadable_.empty())
            return true;
        std::string text = field.Text();
        for (const std::string& u : unreadable_)
            if (IsSameOrUnder(text, u) || IsSameOrUnder(u, text))
                return false;
        return true;
    }
    bool WhollyUnknown() const
    {
        for (const std::string& u : unreadable_)
            if (u.empty())
                return true;
        return false;
    }

    std::string Prefix() const
    {
        std::string path(base_);
        if (index_ != kNoIndex)
            json_tree::AppendPathIndex(path, index_);
        return path;
    }
    std::string Path(const Field& field) const
    {
        std::string path = Prefix();
        field.AppendTo(path);
        return path;
    }

    void Error(Diagnostic d) { out_.errors.push_back(std::move(d)); }
    void Warning(Diagnostic d) { out_.warnings.push_back(std::move(d)); }
    void Error(const Field& field, std::string zh, std::string en)
    {
        Error(Diagnostic{Path(field), std::move(zh), std::move(en), 0, 0});
    }
    void Warning(const Field& field, std::string zh, std::string en)
    {
        Warning(Diagnostic{Path(field), std::move(zh), std::move(en), 0, 0});
    }

    // Rules on one field, each skipped when the field is unknown.
    void Id(const Field& field, const std::string& id)
    {
        if (!IsValidId(id) && Known(field))
            Error(InvalidIdMessage(Path(field), id));
    }
    void Reference(const Field& field, const std::string& id, bool list_unknown, bool exists, const char* what_zh,
                   const char* what_en)
    {
        if ((id.empty() || (!list_unknown && !exists)) && Known(field)) {
            if (id.empty())
                Error(EmptyReferenceMessage(Path(field)));
            else
                Error(DanglingMessage(Path(field), id, what_zh, what_en));
        }
    }
    void NotNegative(const Field& field, Money m)
    {
        if (m.IsNegative() && Known(field))
            Error(NegativeMoneyMessage(Path(field), MoneyText(m)));
    }
    void NotNegative(const Field& field, const std::optional<Money>& m)
    {
        if (m)
            NotNegative(field, *m);
    }
    void RealDate(const Field& field, const Date& d, bool required)
    {
        if (IsRealDate(d) || (IsUnset(d) && !required) || !Known(field))
            return;
        if (IsUnset(d)) {
            Error(MissingFieldMessage(Path(field)));
        } else {
            // A date of the model that names no day (the loader only ever stores real ones).
            std::string text = QuoteForMessage(d.ToString());
            Error(field, "日期不存在：" + text, "no such date: " + text);
        }
    }
    void RealDate(const Field& field, const std::optional<Date>& d)
    {
        if (d)
            RealDate(field, *d, true);
    }
    void Percent(const Field& field, double value)
    {
        if (!(value >= 0 && value <= 100) && Known(field))
            Error(OutOfRangeMessage(Path(field), "0", "100", HundredthsText(value)));
    }

private:
    std::string_view base_;
    std::size_t index_ = kNoIndex;
    const std::vector<std::string>& unreadable_;
    Findings& out_;
};

const std::vector<std::string> kNothingUnreadable;

//-----------------------------------------------------------------------------
// [SECTION] Lookups by ID: linear for one record, hashed for a whole ledger
//-----------------------------------------------------------------------------

// Checking one record (the editor) scans the short lists; checking a whole ledger of thousands of
// projects and problems (the loader) hashes them once.
class Lookup {
public:
    Lookup(const Ledger& ledger, bool hashed) : ledger_(ledger), hashed_(hashed)
    {
        if (!hashed)
            return;
        for (const District& d : ledger.districts)
            districts_.insert(d.id);
        for (const Department& d : ledger.departments)
            departments_.insert(d.id);
        for (const CityLeader& c : ledger.city_leaders)
            leaders_.insert(c.id);
        projects_.reserve(ledger.projects.size());
        for (const Project& p : ledger.projects)
            projects_.insert(p.id);
    }

    bool HasDistrict(const std::string& id) const
    {
        return hashed_ ? districts_.count(id) > 0 : FindDistrict(ledger_, id) != nullptr;
    }
    bool HasDepartment(const std::string& id) const
    {
        return hashed_ ? departments_.count(id) > 0 : FindDepartment(ledger_, id) != nullptr;
    }
    bool HasLeader(const std::string& id) const
    {
        return hashed_ ? leaders_.count(id) > 0 : FindCityLeader(ledger_, id) != nullptr;
    }
    bool HasProject(const std::string& id) const
    {
        return hashed_ ? projects_.count(id) > 0 : FindProject(ledger_, id) != nullptr;
    }

    // Lists that could not be read at all ("projects" not an array): references into them are not
    // judged, since every one of them would look dangling.
    bool districts_unknown = false;
    bool departments_unknown = false;
    bool leaders_unknown = false;
    bool projects_unknown = false;

private:
    const Ledger& ledger_;
    bool hashed_;
    std::unordered_set<std::string_view> districts_, departments_, leaders_, projects_;
};

// For the editor: which of `ids` (the draft's milestone or action IDs) some other record already
// uses. `other_ids(j)` gives the IDs of record j. Returns, per ID, "projects[j].milestones[m]" or "".
template <typename OtherIds>
std::vector<std::string> UsedElsewhere(const std::vector<const std::string*>& ids, std::size_t record_count, int self_index,
                                       const char* list, const char* sublist, OtherIds other_ids)
{
    std::vector<std::string> where(ids.size());
    std::size_t open = 0;
    for (const std::string* id : ids)
        open += id ? 1 : 0;
    for (std::size_t j = 0; j < record_count && open > 0; ++j) {
        if (static_cast<int>(j) == self_index)
            continue;
        const auto& others = other_ids(j);
        for (std::size_t m = 0; m < others.size(); ++m) {
            for (std::size_t k = 0; k < ids.size(); ++k) {
                if (ids[k] && where[k].empty() && others[m].id == *ids[k]) {
                    where[k] = IndexPath(IndexPath(list, j) + "." + sublist, m);
                    --open;
                }
            }
        }
    }
    return where;
}

//-----------------------------------------------------------------------------
// [SECTION] Projects
//-----------------------------------------------------------------------------

// The IDs of a record (a project, a problem) and of its children (milestones, actions): each well
// formed; the record's unique among its kind; the children's unique within the record (the first
// use wins) and in the whole ledger.
template <typename RecordT, typename ChildT>
void CheckRecordIds(Record& r, const std::vector<RecordT>& records, const char* records_name, const RecordT& p,
                    std::vector<ChildT> RecordT::*children, const char* children_name, const ValidateOptions& options)
{
    const std::vector<ChildT>& own = p.*children;
    r.Id("id", p.id);
    for (std::size_t k = 0; k < own.size(); ++k)
        r.Id(Field(children_name, k, "id"), own[k].id);
    if (!options.check_unique_ids)
        return;
    // The ledger is valid (the editor keeps it so): the IDs a draft keeps from the record it stands
    // for are unique already, and only new ones need looking for in the other records.
    const RecordT* self = options.self_index >= 0 && static_cast<std::size_t>(options.self_index) < records.size()
                              ? &records[static_cast<std::size_t>(options.self_index)]
                              : nullptr;
    auto is_kept = [&](const std::string& id) {
        if (!self)
            return false;
        for (const ChildT& child : (*self).*children)
            if (child.id == id)
                return true;
        return false;
    };
    // The record's own ID against the other records of its kind.
    if (IsValidId(p.id) && (!self || self->id != p.id) && r.Known("id")) {
        for (std::size_t j = 0; j < records.size(); ++j) {
            if (static_cast<int>(j) != options.self_index && records[j].id == p.id) {
                r.Error(DuplicateIdMessage(r.Path("id"), p.id, IndexPath(records_name, j)));
                break;
            }
        }
    }
    std::vector<const std::string*> firsts(own.size(), nullptr);
    for (std::size_t k = 0; k < own.size(); ++k) {
        const std::string& id = own[k].id;
        Field field(children_name, k, "id");
        if (!IsValidId(id) || !r.Known(field))
            continue;
        std::size_t first = 0;
        while (first < k && !(firsts[first] && *firsts[first] == id))
            ++first;
        if (first < k)
            r.Error(DuplicateIdMessage(r.Path(field), id, r.Path(Field(children_name, first))));
        else
            firsts[k] = &id;
    }
    std::vector<const std::string*> fresh = firsts;
    for (const std::string*& id : fresh)
        if (id && is_kept(*id))
            id = nullptr;
    std::vector<std::string> used = UsedElsewhere(fresh, records.size(), options.self_index, records_name, children_name,
                                                  [&](std::size_t j) -> const std::vector<ChildT>& { return records[j].*children; });
    for (std::size_t k = 0; k < used.size(); ++k)
        if (!used[k].empty())
            r.Error(DuplicateIdMessage(r.Path(Field(children_name, k, "id")), own[k].id, used[k]));
}

void CheckProjectIds(Record& r, const Ledger& ledger, const Project& p, const ValidateOptions& options)
{
    CheckRecordIds(r, ledger.projects, "projects", p, &Project::milestones, "milestones", options);
}

void CheckProjectReferences(Record& r, const Lookup& lookup, const Project& p)
{
    r.Reference("district_id", p.district_id, lookup.districts_unknown, lookup.HasDistrict(p.district_id), "区县", "district");
    r.Reference("city_leader_id", p.city_leader_id, lookup.leaders_unknown, lookup.HasLeader(p.city_leader_id), "市级领导",
                "city leader");
    r.Reference("department_id", p.department_id, lookup.departments_unknown, lookup.HasDepartment(p.department_id),
                "服务责任部门", "department");
}

// Report months: present and unique (errors); in order, within the ledger's year and not after the
// as-of month; the cumulative percentage never going down (warnings).
void CheckProjectReports(Record& r, const Ledger& ledger, const Project& p)
{
    std::vector<std::size_t> order;                   // readable, unique months, sorted by month
    std::vector<std::pair<int, std::size_t>> seen;    // (month index, first report), sorted
    for (std::size_t i = 0; i < p.reports.size(); ++i) {
        const MonthlyReport& report = p.reports[i];
        r.NotNegative(Field("reports", i, "investment_wan"), report.investment);
        r.Percent(Field("reports", i, "percent_complete"), report.percent_complete);
        r.NotNegative(Field("reports", i, "funds_in_place_wan"), report.funds_in_place);
        Field field("reports", i, "month");
        if (!r.Known(field))
            continue;
        YearMonth month = report.month;
        if (month.year == 0 && month.month == 0) {
            r.Error(MissingFieldMessage(r.Path(field)));
            continue;
        }
        if (!IsRealMonth(month)) {
            r.Error(BadMonthMessage(r.Path(field), month));
            continue;
        }
        auto at = std::lower_bound(seen.begin(), seen.end(), std::make_pair(month.Index(), std::size_t{0}));
        if (at != seen.end() && at->first == month.Index()) {
            std::string first = r.Path(Field("reports", at->second));
            r.Error(field, "月份 " + month.ToString() + " 的月报重复，已见于 " + first,
                    "duplicate report for month " + month.ToString() + ", already at " + first);
            continue;
        }
        seen.insert(at, std::make_pair(month.Index(), i));
        if (!order.empty() && month < p.reports[order.back()].month) {
            std::string previous = p.reports[order.back()].month.ToString();
            r.Warning(field, "月报未按月份排序：" + month.ToString() + " 排在 " + previous + " 之后",
                      "reports are out of month order: " + month.ToString() + " comes after " + previous);
        }
        if (order.empty() || p.reports[order.back()].month < month)
            order.push_back(i);
        else
            order.insert(std::upper_bound(order.begin(), order.end(), i,
                                          [&](std::size_t a, std::size_t b) { return p.reports[a].month < p.reports[b].month; }),
                         i);
        const int year = ledger.meta.year;
        if (year != 0 && month.year != year)
            r.Warning(field, "月报月份 " + month.ToString() + " 不在台账年份 " + std::to_string(year) + " 内",
                      "report month " + month.ToString() + " is outside the ledger year " + std::to_string(year));
        else if (ledger.meta.as_of && *ledger.meta.as_of < month)
            r.Warning(field, "月报月份 " + month.ToString() + " 晚于截至月份 " + ledger.meta.as_of->ToString(),
                      "report month " + month.ToString() + " is after the as-of month " + ledger.meta.as_of->ToString());
    }
    if (!r.Known("reports"))
        return;  // a percentage that failed to read would make "went down to 0" out of nothing
    for (std::size_t k = 1; k < order.size(); ++k) {
        const MonthlyReport& before = p.reports[order[k - 1]];
        const MonthlyReport& after = p.reports[order[k]];
        if (after.percent_complete < before.percent_complete)
            r.Warning(Field("reports", order[k], "percent_complete"),
                      "完成百分比从 " + HundredthsText(before.percent_complete) + " 降到 " + HundredthsText(after.percent_complete) +
                          "（" + before.month.ToString() + " → " + after.month.ToString() + "）",
                      "percent complete went down from " + HundredthsText(before.percent_complete) + " to " +
                          HundredthsText(after.percent_complete) + " (" + before.month.ToString() + " → " +
                          after.month.ToString() + ")");
    }
}

// Legal but suspicious figures of the project as a whole.
void CheckProjectFigures(Record& r, const Ledger& ledger, const Project& p)
{
    Money this_year;
    for (const MonthlyReport& report : p.reports)
        if (report.month.year == ledger.meta.year)
            this_year += report.investment;
    Money completed = p.completed_before_year + this_year;
    if (completed > p.total_investment && r.Known("reports") && r.Known("completed_before_year_wan") &&
        r.Known("total_investment_wan"))
        r.Warning("total_investment_wan",
                  "累计完成投资 " + MoneyText(completed) + " 万元（往年 " + MoneyText(p.completed_before_year) + " + 今年 " +
                      MoneyText(this_year) + "）超过总投资 " + MoneyText(p.total_investment) + " 万元",
                  "completed investment " + MoneyText(completed) + " (before this year " + MoneyText(p.completed_before_year) +
                      " + this year " + MoneyText(this_year) + ") exceeds the total investment " +
                      MoneyText(p.total_investment));
    if (p.funds_in_place > p.funds_required && r.Known("funds_in_place_wan") && r.Known("funds_required_wan"))
        r.Warning("funds_in_place_wan",
                  "到位资金 " + MoneyText(p.funds_in_place) + " 万元超过所需资金 " + MoneyText(p.funds_required) + " 万元",
                  "funds in place " + MoneyText(p.funds_in_place) + " exceed the funds required " + MoneyText(p.funds_required));
    if ((p.status == ProjectStatus::Completed || p.status == ProjectStatus::Commissioned) && r.Known("status") &&
        r.Known("reports")) {
        const MonthlyReport* latest = nullptr;
        for (const MonthlyReport& report : p.reports)
            if (report.month.year != 0 && (!latest || latest->month < report.month))
                latest = &report;
        if (latest && latest->percent_complete < 100)
            r.Warning("status",
                      std::string("状态为") + ChineseLabel(p.status) + "，但最新月报（" + latest->month.ToString() +
                          "）完成百分比为 " + HundredthsText(latest->percent_complete),
                      std::string("status is ") + ToJsonText(p.status) + " but the latest report (" +
                          latest->month.ToString() + ") says " + HundredthsText(latest->percent_complete) + " percent complete");
    }
    if (p.actual_start && p.actual_completion && *p.actual_completion < *p.actual_start && r.Known("actual_start") &&
        r.Known("actual_completion"))
        r.Warning("actual_completion",
                  "实际竣工日期 " + p.actual_completion->ToString() + " 早于实际开工日期 " + p.actual_start->ToString(),
                  "actual completion " + p.actual_completion->ToString() + " is before the actual start " +
                      p.actual_start->ToString());
}

void CheckMilestones(Record& r, const Ledger& ledger, const Project& p)
{
    for (std::size_t k = 0; k < p.milestones.size(); ++k) {
        const Milestone& m = p.milestones[k];
        Field actual("milestones", k, "actual");
        r.RealDate(Field("milestones", k, "planned"), m.planned);
        r.RealDate(actual, m.actual);
        if (m.actual && IsRealDate(*m.actual) && ledger.meta.as_of && *m.actual > ledger.meta.as_of->LastDay() &&
            r.Known(actual)) {
            std::string as_of = ledger.meta.as_of->ToString();
            r.Warning(actual, "实际完成日期 " + m.actual->ToString() + " 晚于截至月份 " + as_of + " 的月末",
                      "actual date " + m.actual->ToString() + " is after the end of the as-of month " + as_of);
        }
    }
}

void CheckProject(Record& r, const Ledger& ledger, const Lookup& lookup, const Project& p, const ValidateOptions& options)
{
    if (r.WhollyUnknown())
        return;
    CheckProjectIds(r, ledger, p, options);
    CheckProjectReferences(r, lookup, p);
    if ((p.start_year < kMinYear || p.start_year > kMaxYear) && r.Known("start_year"))
        r.Error(OutOfRangeMessage(r.Path("start_year"), std::to_string(kMinYear), std::to_string(kMaxYear),
                                  std::to_string(p.start_year)));
    r.RealDate("planned_completion", p.planned_completion);
    r.RealDate("actual_start", p.actual_start);
    r.RealDate("actual_completion", p.actual_completion);
    r.NotNegative("total_investment_wan", p.total_investment);
    r.NotNegative("completed_before_year_wan", p.completed_before_year);
    r.NotNegative("plan_wan", p.plan);
    r.NotNegative("funds_required_wan", p.funds_required);
    r.NotNegative("funds_in_place_wan", p.funds_in_place);
    CheckMilestones(r, ledger, p);
    CheckProjectReports(r, ledger, p);
    CheckProjectFigures(r, ledger, p);
}

//-----------------------------------------------------------------------------
// [SECTION] Problems
//-----------------------------------------------------------------------------

void CheckProblemIds(Record& r, const Ledger& ledger, const Problem& p, const ValidateOptions& options)
{
    CheckRecordIds(r, ledger.problems, "problems", p, &Problem::history, "history", options);
}

// The state must be where the history leads, each step legal per problem_lifecycle.
void CheckProblemHistory(Record& r, const Problem& p)
{
    // An action whose kind could not be read makes any replay meaningless.
    for (std::size_t i = 0; i < p.history.size(); ++i)
        if (!r.Known(Field("history", i, "kind")))
            return;
    if (p.history.empty()) {
        if (r.Known("history"))
            r.Error("history", "处理记录为空，第一步应为交办", "the history is empty; it must start with assign");
        return;
    }
    std::optional<ProblemState> state;
    for (std::size_t i = 0; i < p.history.size(); ++i) {
        const ProblemAction& action = p.history[i];
        TransitionResult step = ApplyAction(state, action.kind);
        if (!step.next) {
            std::string kind = ToJsonText(action.kind);
            r.Error(Field("history", i, "kind"),
                    "第 " + std::to_string(i + 1) + " 步 \"" + kind + "\" 不合法：" + step.reason_zh,
                    "step " + std::to_string(i + 1) + " \"" + kind + "\" is not allowed: " + step.reason_en);
            return;
        }
        Field date("history", i, "date");
        r.RealDate(date, action.date, true);
        if (i > 0) {
            const Date& previous = p.history[i - 1].date;
            if (IsRealDate(action.date) && IsRealDate(previous) && action.date < previous && r.Known(date) &&
                r.Known(Field("history", i - 1, "date")))
                r.Warning(date, "处理日期 " + action.date.ToString() + " 早于上一步的 " + previous.ToString(),
                          "action date " + action.date.ToString() + " is before the previous action's " + previous.ToString());
        }
        state = step.next;
    }
    if (state && *state != p.state && r.Known("state"))
        r.Error("state",
                std::string("状态 \"") + ToJsonText(p.state) + "\" 与处理记录不符，按处理记录应为 \"" + ToJsonText(*state) + "\"",
                std::string("state \"") + ToJsonText(p.state) + "\" disagrees with the history, which leads to \"" +
                    ToJsonText(*state) + "\"");
}

void CheckProblem(Record& r, const Ledger& ledger, const Lookup& lookup, const Problem& p, const ValidateOptions& options)
{
    if (r.WhollyUnknown())
        return;
    CheckProblemIds(r, ledger, p, options);
    r.Reference("project_id", p.project_id, lookup.projects_unknown, lookup.HasProject(p.project_id), "项目", "project");
    const std::string& unit = p.responsible_unit_id;
    r.Reference("responsible_unit_id", unit, lookup.departments_unknown || lookup.districts_unknown,
                lookup.HasDepartment(unit) || lookup.HasDistrict(unit), "责任单位（部门或区县）",
                "responsible unit (department or district)");
    r.RealDate("assigned_date", p.assigned_date, true);
    r.RealDate("deadline", p.deadline, true);
    if (IsRealDate(p.assigned_date) && IsRealDate(p.deadline) && p.deadline < p.assigned_date && r.Known("assigned_date") &&
        r.Known("deadline"))
        r.Error("deadline", "办结期限 " + p.deadline.ToString() + " 早于交办日期 " + p.assigned_date.ToString(),
                "deadline " + p.deadline.ToString() + " is before the assigned date " + p.assigned_date.ToString());
    CheckProblemHistory(r, p);
}

//-----------------------------------------------------------------------------
// [SECTION] Meta and settings
//-----------------------------------------------------------------------------

void CheckMeta(Record& r, const LedgerMeta& m)
{
    if (r.WhollyUnknown())
        return;
    if ((m.year < kMinYear || m.year > kMaxYear) && r.Known("year"))
        r.Error(OutOfRangeMessage(r.Path("year"), std::to_string(kMinYear), std::to_string(kMaxYear), std::to_string(m.year)));
    if (m.as_of && !IsRealMonth(*m.as_of) && r.Known("as_of"))
        r.Error(BadMonthMessage(r.Path("as_of"), *m.as_of));
    if (m.money_unit != "万元" && r.Known("money_unit"))
        r.Error("money_unit", "金额单位只能是“万元”，实际为 " + QuoteForMessage(m.money_unit),
                "the money unit must be 万元, got " + QuoteForMessage(m.money_unit));
}

void CheckSettings(Record& r, const Settings& s)
{
    if (r.WhollyUnknown())
        return;
    const WarningSettings& w = s.warnings;
    auto percent = [&](const char* field, double v) {
        if (!(v >= 0 && v <= 100) && r.Known(field))
            r.Error(OutOfRangeMessage(r.Path(field), "0", "100", HundredthsText(v)));
    };
    auto count = [&](const char* field, int v) {
        if (v < 0 && r.Known(field))
            r.Error(IntegerAtLeastMessage(r.Path(field), 0, std::to_string(v)));
    };
    auto weight = [&](const char* field, double v) {
        if (!(v >= 0) && r.Known(field))
            r.Error(NotNegativeMessage(r.Path(field), HundredthsText(v)));
    };
    percent("warnings.behind_yellow_points", w.behind_yellow_points);
    percent("warnings.behind_red_points", w.behind_red_points);
    if (w.behind_red_points < w.behind_yellow_points && r.Known("warnings.behind_yellow_points") &&
        r.Known("warnings.behind_red_points"))
        r.Error("warnings.behind_red_points",
                "红色阈值 " + HundredthsText(w.behind_red_points) + " 不能小于黄色阈值 " + HundredthsText(w.behind_yellow_points),
                "the red threshold " + HundredthsText(w.behind_red_points) + " must not be below the yellow threshold " +
                    HundredthsText(w.behind_yellow_points));
    count("warnings.late_start_red_months", w.late_start_red_months);
    count("warnings.due_soon_days", w.due_soon_days);
    const RankingSettings& k = s.ranking;
    weight("ranking.investment_completion_weight", k.investment_completion_weight);
    weight("ranking.start_rate_weight", k.start_rate_weight);
    weight("ranking.funds_rate_weight", k.funds_rate_weight);
    weight("ranking.completion_rate_weight", k.completion_rate_weight);
    count("ranking.bottom_n", k.bottom_n);
    percent("warnings.funds_red_percent", w.funds_red_percent);
    const IndicatorSettings& x = s.indicators;
    if ((x.schedule_start_month < 1 || x.schedule_start_month > 12) && r.Known("indicators.schedule_start_month"))
        r.Error(OutOfRangeMessage(r.Path("indicators.schedule_start_month"), "1", "12",
                                  std::to_string(x.schedule_start_month)));
    count("indicators.milestone_grace_days", x.milestone_grace_days);
    const AssessmentSettings& a = s.assessment;
    weight("assessment.quantitative_weight", a.quantitative_weight);
    weight("assessment.qualitative_weight", a.qualitative_weight);
    weight("assessment.overdue_problem_deduction", a.overdue_problem_deduction);
    for (std::size_t i = 0; i < a.qualitative_scores.size(); ++i)
        percent(("assessment.qualitative_scores[" + std::to_string(i) + "].score").c_str(), a.qualitative_scores[i].score);
}

//-----------------------------------------------------------------------------
// [SECTION] The whole ledger
//-----------------------------------------------------------------------------

// Full paths of unreadable values, grouped by the record they belong to: an element of a list
// ("projects[3]", "task_force.roles[0]") or a top-level member ("meta", "task_force", "ledger_id"),
// with the rest of the path relative to that record.
class UnreadableMap {
public:
    explicit UnreadableMap(const std::vector<std::string>& paths)
    {
        static const char* const kLists[] = {"districts", "departments", "city_leaders", "projects", "problems",
                                             "task_force.roles", "published_rankings"};
        for (const std::string& path : paths) {
            if (path.empty()) {
                everything_ = true;
                continue;
            }
            std::size_t bracket = path.find('[');
            std::size_t close = bracket == std::string::npos ? std::string::npos : path.find(']', bracket);
            bool in_list = false;
            if (close != std::string::npos)
                for (const char* list : kLists)
                    in_list = in_list || (std::string_view(list).size() == bracket && path.compare(0, bracket, list) == 0);
            if (in_list) {
                std::size_t rest = close + 1;
                if (rest < path.size() && path[rest] == '.')
                    ++rest;
                by_record_[path.substr(0, close + 1)].push_back(path.substr(rest));
                continue;
            }
            std::size_t end = path.find_first_of(".[");
            if (end == std::string::npos)
                by_record_[path].push_back("");   // a whole top-level member
            else
                by_record_[path.substr(0, end)].push_back(path.substr(path[end] == '.' ? end + 1 : end));
        }
    }

    bool everything() const { return everything_; }
    const std::vector<std::string>& For(const std::string& key) const
    {
        if (by_record_.empty())
            return kNothingUnreadable;
        auto it = by_record_.find(key);
        return it == by_record_.end() ? kNothingUnreadable : it->second;
    }
    const std::vector<std::string>& ForItem(const char* list, std::size_t index) const
    {
        if (by_record_.empty())
            return kNothingUnreadable;
        return For(IndexPath(list, index));
    }
    // The list itself could not be read (not an array, missing).
    bool ListUnknown(const std::string& list) const
    {
        for (const std::string& u : For(list))
            if (u.empty())
                return true;
        return false;
    }

private:
    bool everything_ = false;
    std::unordered_map<std::string, std::vector<std::string>> by_record_;
};

// IDs of each list unique (the first use wins); ID syntax of the small lists; department and
// district IDs distinct; milestone and action IDs unique in the whole ledger.
void CheckLedgerIds(const Ledger& ledger, const UnreadableMap& unreadable, Findings& out)
{
    {
        Record r("", unreadable.For("ledger_id"), out);
        if (!IsValidId(ledger.ledger_id) && r.Known(""))
            r.Error(InvalidIdMessage("ledger_id", ledger.ledger_id));
    }
    // Repeats within one list, reported where they are.
    auto check_list = [&](const char* list, const auto& records, bool check_syntax) {
        std::unordered_map<std::string_view, std::size_t> first;
        first.reserve(records.size());
        for (std::size_t i = 0; i < records.size(); ++i) {
            const std::string& id = records[i].id;
            Record r(list, i, unreadable.ForItem(list, i), out);
            if (r.WhollyUnknown())
                continue;
            if (check_syntax)
                r.Id("id", id);
            if (!IsValidId(id) || !r.Known("id"))
                continue;
            auto [it, inserted] = first.emplace(id, i);
            if (!inserted)
                r.Error(DuplicateIdMessage(r.Path("id"), id, IndexPath(list, it->second)));
        }
    };
    // The syntax of project and problem IDs is checked with the rest of each record.
    check_list("task_force.roles", ledger.task_force.roles, true);
    check_list("districts", ledger.districts, true);
    check_list("departments", ledger.departments, true);
    check_list("city_leaders", ledger.city_leaders, true);
    check_list("projects", ledger.projects, false);
    check_list("problems", ledger.problems, false);

    // A responsible unit is a department or a district, named by ID alone: the two lists must not
    // share an ID.
    std::unordered_map<std::string_view, std::size_t> district_ids;
    for (std::size_t i = 0; i < ledger.districts.size(); ++i)
        if (IsValidId(ledger.districts[i].id))
            district_ids.emplace(ledger.districts[i].id, i);
    for (std::size_t i = 0; i < ledger.departments.size(); ++i) {
        const std::string& id = ledger.departments[i].id;
        auto it = district_ids.find(id);
        Record r("departments", i, unreadable.ForItem("departments", i), out);
        if (it == district_ids.end() || !IsValidId(id) || !r.Known("id"))
            continue;
        std::string district = IndexPath("districts", it->second);
        r.Error("id", "ID " + QuoteForMessage(id) + " 已被区县 " + district + " 使用；责任单位按 ID 指向部门或区县，两者的 ID 不能相同",
                "ID " + QuoteForMessage(id) + " is already used by the district " + district +
                    "; responsible units name a department or a district by ID, so their IDs must differ");
    }

    // Milestone and action IDs are unique in the whole ledger: (record, item) of the first use.
    auto check_items = [&](const char* list, const char* sublist, const auto& records, auto items_of) {
        std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> first;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto& items = items_of(records[i]);
            Record r(list, i, unreadable.ForItem(list, i), out);
            if (r.WhollyUnknown())
                continue;
            for (std::size_t k = 0; k < items.size(); ++k) {
                const std::string& id = items[k].id;
                if (!IsValidId(id) || !r.Known(Field(sublist, k, "id")))
                    continue;
                auto [it, inserted] = first.emplace(id, std::make_pair(i, k));
                if (!inserted) {
                    std::string where = IndexPath(IndexPath(list, it->second.first) + "." + sublist, it->second.second);
                    r.Error(DuplicateIdMessage(r.Path(Field(sublist, k, "id")), id, where));
                }
            }
        }
    };
    check_items("projects", "milestones", ledger.projects, [](const Project& p) -> const auto& { return p.milestones; });
    check_items("problems", "history", ledger.problems, [](const Problem& p) -> const auto& { return p.history; });
}

// Task-force member units: departments that exist, each listed once.
void CheckMemberUnits(const Ledger& ledger, const UnreadableMap& unreadable, bool departments_unknown, Findings& out)
{
    Record r("task_force", unreadable.For("task_force"), out);
    if (r.WhollyUnknown())
        return;
    const std::vector<std::string>& members = ledger.task_force.member_unit_ids;
    for (std::size_t i = 0; i < members.size(); ++i) {
        Field field("member_unit_ids", i);
        r.Reference(field, members[i], departments_unknown, FindDepartment(ledger, members[i]) != nullptr,
                    "成员单位（部门）", "the member unit (department)");
        std::size_t first = 0;
        while (first < i && members[first] != members[i])
            ++first;
        if (first < i && !members[i].empty() && r.Known(field) && r.Known(Field("member_unit_ids", first))) {
            std::string first_path = r.Path(Field("member_unit_ids", first));
            r.Error(field, "成员单位 " + QuoteForMessage(members[i]) + " 重复，已见于 " + first_path,
                    "member unit " + QuoteForMessage(members[i]) + " is listed twice, already at " + first_path);
        }
    }
}

// Published rankings: one per month, of the ledger's year, in month order; each list names units
// of its own group, once.
void CheckPublishedRankings(const Ledger& ledger, const UnreadableMap& unreadable, const Lookup& lookup, Findings& out)
{
    for (std::size_t i = 0; i < ledger.published_rankings.size(); ++i) {
        const PublishedRankings& p = ledger.published_rankings[i];
        Record r("published_rankings", i, unreadable.ForItem("published_rankings", i), out);
        if (r.WhollyUnknown())
            continue;
        if (r.Known("month") && IsRealMonth(p.month)) {
            const std::string month = p.month.ToString();
            if (p.month.year != ledger.meta.year && ledger.meta.year != 0)
                r.Error("month", "发布排名的月份 " + month + " 不在台账年度 " + std::to_string(ledger.meta.year) + " 内",
                        "published rankings for " + month + " are outside the ledger's year " +
                            std::to_string(ledger.meta.year));
            for (std::size_t j = 0; j < i; ++j) {
                const PublishedRankings& earlier = ledger.published_rankings[j];
                if (earlier.month == p.month) {
                    std::string first = IndexPath("published_rankings", j);
                    r.Error("month", "月份 " + month + " 的排名重复发布，已见于 " + first,
                            "rankings for " + month + " are published twice, already at " + first);
                    break;
                }
                if (j + 1 == i && p.month < earlier.month)
                    r.Error("month", "发布的排名未按月份排序：" + month + " 排在 " + earlier.month.ToString() + " 之后",
                            "published rankings are out of month order: " + month + " comes after " +
                                earlier.month.ToString());
            }
        }
        auto check_units = [&](const char* list_name, const std::vector<PublishedRankEntry>& entries, bool districts) {
            for (std::size_t k = 0; k < entries.size(); ++k) {
                const std::string& id = entries[k].unit_id;
                Field field(list_name, k, "unit_id");
                if (districts)
                    r.Reference(field, id, lookup.districts_unknown, lookup.HasDistrict(id), "区县", "district");
                else
                    r.Reference(field, id, lookup.departments_unknown, lookup.HasDepartment(id), "服务责任部门",
                                "department");
                for (std::size_t m = 0; m < k; ++m)
                    if (entries[m].unit_id == id && !id.empty() && r.Known(field)) {
                        std::string first = r.Path(Field(list_name, m));
                        r.Error(field, "单位 " + QuoteForMessage(id) + " 在同一排名中重复，已见于 " + first,
                                "unit " + QuoteForMessage(id) + " is ranked twice, already at " + first);
                        break;
                    }
            }
        };
        check_units("districts", p.districts, true);
        check_units("departments", p.departments, false);
    }
}

} // namespace

//-----------------------------------------------------------------------------
// Public API
//-----------------------------------------------------------------------------

Findings ValidateProject(const Ledger& ledger, const Project& project, const std::string& path_prefix,
                         const ValidateOptions& options)
{
    Findings out;
    Record r(path_prefix, options.unreadable, out);
    Lookup lookup(ledger, false);
    CheckProject(r, ledger, lookup, project, options);
    return out;
}

Findings ValidateProblem(const Ledger& ledger, const Problem& problem, const std::string& path_prefix,
                         const ValidateOptions& options)
{
    Findings out;
    Record r(path_prefix, options.unreadable, out);
    Lookup lookup(ledger, false);
    CheckProblem(r, ledger, lookup, problem, options);
    return out;
}

Findings ValidateMeta(const LedgerMeta& meta, const std::string& path_prefix, const std::vector<std::string>& unreadable)
{
    Findings out;
    Record r(path_prefix, unreadable, out);
    CheckMeta(r, meta);
    return out;
}

Findings ValidateSettings(const Settings& settings, const std::string& path_prefix,
                          const std::vector<std::string>& unreadable)
{
    Findings out;
    Record r(path_prefix, unreadable, out);
    CheckSettings(r, settings);
    return out;
}

Findings ValidateLedger(const Ledger& ledger, const std::vector<std::string>& unreadable_paths)
{
    Findings out;
    UnreadableMap unreadable(unreadable_paths);
    if (unreadable.everything())
        return out;

    Record meta("meta", unreadable.For("meta"), out);
    CheckMeta(meta, ledger.meta);

    CheckLedgerIds(ledger, unreadable, out);

    Lookup lookup(ledger, true);
    lookup.districts_unknown = unreadable.ListUnknown("districts");
    lookup.departments_unknown = unreadable.ListUnknown("departments");
    lookup.leaders_unknown = unreadable.ListUnknown("city_leaders");
    lookup.projects_unknown = unreadable.ListUnknown("projects");
    CheckMemberUnits(ledger, unreadable, lookup.departments_unknown, out);

    ValidateOptions options;
    options.check_unique_ids = false;
    for (std::size_t i = 0; i < ledger.projects.size(); ++i) {
        Record r("projects", i, unreadable.ForItem("projects", i), out);
        options.self_index = static_cast<int>(i);
        CheckProject(r, ledger, lookup, ledger.projects[i], options);
    }
    for (std::size_t i = 0; i < ledger.problems.size(); ++i) {
        Record r("problems", i, unreadable.ForItem("problems", i), out);
        options.self_index = static_cast<int>(i);
        CheckProblem(r, ledger, lookup, ledger.problems[i], options);
    }

    Record settings("settings", unreadable.For("settings"), out);
    CheckSettings(settings, ledger.settings);
    CheckPublishedRankings(ledger, unreadable, lookup, out);
    return out;
}

} // namespace kpl
