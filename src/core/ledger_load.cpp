// Loading a ledger file: UTF-8 and JSON syntax first, then a strict walk over the document that
// fills the model and collects every error (JSON path + Chinese / English message) up to the cap,
// then the record rules of validate.h (the same the editor applies) and their warnings.
//
// What the walk itself checks is what the file's text says: types, required members, the syntax of
// IDs, dates, months, money and timestamps, enum spellings, and the numeric bounds the JSON Schema
// states. A value that fails here is not stored, and its path is handed to ValidateLedger as
// unreadable, so that no rule judges the placeholder left in its place. Every rule between values
// and between records (references, uniqueness, report months, deadlines, the problem history,
// the money unit, thresholds) and every warning lives in validate.cpp.
//
// [SECTION] Messages and small helpers
// [SECTION] Fields: the members of one JSON object, taken one by one by the reader
// [SECTION] Loader: typed field readers
// [SECTION] Loader: records
// [SECTION] Loader: run
// [SECTION] Public API
#include "ledger_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "json_tree.h"
#include "validate.h"

namespace kpl {

using json_tree::Document;
using json_tree::kNoNode;
using json_tree::Node;
using json_tree::NodeType;

//-----------------------------------------------------------------------------
// [SECTION] Messages and small helpers
//-----------------------------------------------------------------------------

std::string Diagnostic::ToString() const
{
    std::string out;
    if (line > 0) {
        out = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
    } else if (!path.empty()) {
        out = path + ": ";
    }
    out += message_zh;
    out += " / ";
    out += message_en;
    return out;
}

namespace {

// How many values each enum of model.h has (their JSON texts are listed in messages).
constexpr int kDistrictKindCount = 4;
constexpr int kProjectStatusCount = 4;
constexpr int kProblemCategoryCount = 7;
constexpr int kProblemStateCount = 5;
constexpr int kActionKindCount = 6;
constexpr int kScheduleBasisCount = 2;

struct Words {
    const char* zh;
    const char* en;
};

const Words kString = {"字符串", "a string"};
const Words kNumber = {"数字", "a number"};
const Words kInteger = {"整数", "an integer"};
const Words kBoolean = {"布尔值（true 或 false）", "a boolean (true or false)"};
const Words kObject = {"对象", "an object"};
const Words kArray = {"数组", "an array"};

Words TypeWords(const Node& n)
{
    switch (n.type) {
    case NodeType::Null: return {"空值 null", "null"};
    case NodeType::Boolean: return {"布尔值", "a boolean"};
    case NodeType::Number: return {"数字", "a number"};
    case NodeType::String: return {"字符串", "a string"};
    case NodeType::Object: return {"对象", "an object"};
    case NodeType::Array: return {"数组", "an array"};
    }
    return {"?", "?"};
}

std::string Quote(std::string_view text) { return QuoteForMessage(text); }

std::string FieldPath(std::string path, std::string_view key)
{
    json_tree::AppendPathKey(path, key);
    return path;
}

std::string PercentText(double v) { return HundredthsText(v); }

// The accepted texts of an enum, joined for a message: "a、b、c" / "a, b, c".
template <typename Enum>
std::string Choices(int count, const char* separator)
{
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += separator;
        out += ToJsonText(static_cast<Enum>(i));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Fields: the members of one JSON object, taken one by one by the reader
//-----------------------------------------------------------------------------

// The reader asks for each known key in turn; what nobody asked for is kept as `extra`. Keys are
// usually asked for in the order a file lists them, so the search starts after the last match.
class Fields {
public:
    Fields(const Document& doc, uint32_t object, std::string path) : doc_(doc), path_(std::move(path))
    {
        members_.reserve(doc.nodes[object].child_count);
        for (uint32_t c = doc.nodes[object].first_child; c != kNoNode; c = doc.nodes[c].next_sibling)
            members_.push_back(Member{doc.Key(doc.nodes[c]), c, false});
    }

    // The member's node, or nullptr when absent. Marks it as known.
    const Node* Take(std::string_view key)
    {
        std::size_t n = members_.size();
        for (std::size_t k = 0; k < n; ++k) {
            std::size_t i = (cursor_ + k) % n;
            if (!members_[i].used && members_[i].key == key) {
                members_[i].used = true;
                cursor_ = i + 1;
                return &doc_.nodes[members_[i].node];
            }
        }
        return nullptr;
    }

    const std::string& path() const { return path_; }
    std::string PathOf(std::string_view key) const { return FieldPath(path_, key); }

    template <typename Visit>
    void ForEachUnused(Visit visit) const
    {
        for (const Member& m : members_)
            if (!m.used)
                visit(m.key, doc_.nodes[m.node]);
    }

private:
    struct Member {
        std::string_view key;
        uint32_t node;
        bool used;
    };
    const Document& doc_;
    std::string path_;
    std::vector<Member> members_;
    std::size_t cursor_ = 0;
};

enum class Need { Required, Optional };

// Where a value sits: a base path and a key in it (empty for the base itself). The path text is
// only spelled out when there is something to report, which is rare: loading stays fast.
struct Where {
    const std::string& base;
    std::string_view key;

    std::string Path() const { return key.empty() ? base : FieldPath(base, key); }
};

//-----------------------------------------------------------------------------
// [SECTION] Loader: typed field readers
//-----------------------------------------------------------------------------

class Loader {
public:
    Loader(std::string_view bytes, std::size_t cap, LoadResult& result)
        : bytes_(bytes), cap_(cap), result_(result) {}

    void Run();

private:
    // --- diagnostics
    // An error of the walk: its path is also where the value could not be read.
    void Error(std::string path, std::string zh, std::string en)
    {
        unreadable_.push_back(path);
        Report(Diagnostic{std::move(path), std::move(zh), std::move(en), 0, 0});
    }
    void Report(Diagnostic d)
    {
        if (result_.errors.size() >= cap_) {
            result_.errors_truncated = true;
            return;
        }
        result_.errors.push_back(std::move(d));
    }
    void Warning(Diagnostic d)
    {
        if (result_.warnings.size() < cap_)
            result_.warnings.push_back(std::move(d));
    }
    void ErrorAt(std::size_t offset, std::string zh, std::string en)
    {
        Diagnostic d{"", std::move(zh), std::move(en), 0, 0};
        json_tree::LineAndColumn(bytes_, offset, d.line, d.column);
        result_.errors.push_back(std::move(d));
    }
    void Error(Diagnostic d)
    {
        unreadable_.push_back(d.path);
        Report(std::move(d));
    }
    void Missing(const std::string& path) { Error(MissingFieldMessage(path)); }
    void InvalidId(const std::string& path, const std::string& id) { Error(InvalidIdMessage(path, id)); }
    void WrongType(const std::string& path, Words expected, const Node& actual)
    {
        Words got = TypeWords(actual);
        Error(path, std::string("应为") + expected.zh + "，实际为" + got.zh,
              std::string("expected ") + expected.en + ", got " + got.en);
    }
    bool Expect(const Node& n, NodeType type, Words expected, const Where& at)
    {
        if (n.type == type)
            return true;
        WrongType(at.Path(), expected, n);
        return false;
    }
    bool Expect(const Node& n, NodeType type, Words expected, const std::string& path)
    {
        return Expect(n, type, expected, Where{path, {}});
    }
    // Takes `key`; reports it when required and absent.
    const Node* Get(Fields& f, std::string_view key, Need need)
    {
        const Node* n = f.Take(key);
        if (!n && need == Need::Required)
            Missing(f.PathOf(key));
        return n;
    }

    std::string_view Text(const Node& n) const { return doc_.Text(n); }

    // --- typed readers: each returns true when it stored a valid value
    bool ReadString(Fields& f, std::string_view key, std::string& out, Need need = Need::Required)
    {
        const Node* n = Get(f, key, need);
        if (!n || !Expect(*n, NodeType::String, kString, Where{f.path(), key}))
            return false;
        out.assign(Text(*n));
        return true;
    }

    bool ReadId(Fields& f, std::string& out, std::string_view key = "id")
    {
        if (!ReadString(f, key, out))
            return false;
        if (IsValidId(out))
            return true;
        InvalidId(f.PathOf(key), out);
        out.clear();  // an invalid ID takes no part in the duplicate and reference checks
        return false;
    }

    // A reference to another record by ID: that it is not empty and exists is validate.h's to say.
    bool ReadReference(Fields& f, std::string_view key, std::string& out) { return ReadString(f, key, out); }

    bool ReadBool(Fields& f, std::string_view key, bool& out)
    {
        const Node* n = Get(f, key, Need::Required);
        if (!n || !Expect(*n, NodeType::Boolean, kBoolean, Where{f.path(), key}))
            return false;
        out = n->flag;
        return true;
    }

    bool ReadInt(Fields& f, std::string_view key, int64_t& out, int64_t min, int64_t max, Need need = Need::Required)
    {
        const Node* n = Get(f, key, need);
        if (!n)
            return false;
        Where at{f.path(), key};
        if (!Expect(*n, NodeType::Number, kInteger, at))
            return false;
        std::string_view text = Text(*n);
        if (!n->flag) {
            std::string path = at.Path();
            Error(path, "应为整数，实际为 " + std::string(text), "expected an integer, got " + std::string(text));
            return false;
        }
        int64_t value = 0;
        auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
        bool in_range = parsed.ec == std::errc() && value >= min && value <= max;
        if (!in_range) {
            std::string path = at.Path();
            if (max >= std::numeric_limits<int>::max())  // no upper bound to speak of
                Error(IntegerAtLeastMessage(path, min, std::string(text)));
            else
                Error(OutOfRangeMessage(path, std::to_string(min), std::to_string(max), std::string(text)));
            return false;
        }
        out = value;
        return true;
    }

    bool ReadInt(Fields& f, std::string_view key, int& out, int min, int max, Need need = Need::Required)
    {
        int64_t value = 0;
        if (!ReadInt(f, key, value, min, max, need))
            return false;
        out = static_cast<int>(value);
        return true;
    }

    // A figure kept to 0.01 (percentages, settings): rounded on load, as the saver writes it.
    bool ReadHundredths(Fields& f, std::string_view key, double& out, double min, double max, Need need)
    {
        const Node* n = Get(f, key, need);
        if (!n)
            return false;
        Where at{f.path(), key};
        if (!Expect(*n, NodeType::Number, kNumber, at))
            return false;
        std::string text(Text(*n));
        double value = std::strtod(text.c_str(), nullptr);
        if (!std::isfinite(value)) {
            Error(at.Path(), "数值超出范围，实际为 " + text, "number out of range, got " + text);
            return false;
        }
        if (!(value >= min && value <= max)) {
            std::string path = at.Path();
            if (max == std::numeric_limits<double>::max())
                Error(NotNegativeMessage(path, text));
            else
                Error(OutOfRangeMessage(path, PercentText(min), PercentText(max), text));
            return false;
        }
        out = static_cast<double>(std::llround(value * 100.0)) / 100.0;
        return true;
    }

    bool ReadMoneyNode(const Node& n, const Where& at, Money& out)
    {
        if (!Expect(n, NodeType::Number, kNumber, at))
            return false;
        std::string_view text_view = Text(n);
        MoneyParseError why = MoneyParseError::None;
        std::optional<Money> money = Money::Parse(text_view, &why);
        if (!money || money->IsNegative()) {
            std::string text(text_view);
            std::string path = at.Path();
            if (money)
                Error(NegativeMoneyMessage(path, text));
            else
            if (why == MoneyParseError::TooManyDecimals)
                Error(path, "金额最多两位小数（单位万元），实际为 " + text,
                      "money must have at most two decimals (in 万元), got " + text);
            else
                Error(path, "金额超出范围，实际为 " + text, "money out of range, got " + text);
            return false;
        }
        out = *money;
        return true;
    }

    bool ReadMoney(Fields& f, std::string_view key, Money& out)
    {
        const Node* n = Get(f, key, Need::Required);
        return n && ReadMoneyNode(*n, Where{f.path(), key}, out);
    }

    bool ReadMoney(Fields& f, std::string_view key, std::optional<Money>& out)
    {
        const Node* n = Get(f, key, Need::Optional);
        Money value;
        if (!n || !ReadMoneyNode(*n, Where{f.path(), key}, value))
            return false;
        out = value;
        return true;
    }

    bool ReadDateNode(const Node& n, const Where& at, Date& out)
    {
        if (!Expect(n, NodeType::String, kString, at))
            return false;
        std::string_view text = Text(n);
        if (std::optional<Date> d = Date::Parse(text)) {
            out = *d;
            return true;
        }
        // Tell a wrong shape from a day that does not exist (2016-02-30).
        bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
        std::string path = at.Path();
        if (shaped)
            Error(path, "日期不存在：" + Quote(text), "no such date: " + Quote(text));
        else
            Error(path, "日期格式应为 YYYY-MM-DD，实际为 " + Quote(text), "a date must be written YYYY-MM-DD, got " + Quote(text));
        return false;
    }

    bool ReadDate(Fields& f, std::string_view key, Date& out)
    {
        const Node* n = Get(f, key, Need::Required);
        return n && ReadDateNode(*n, Where{f.path(), key}, out);
    }

    bool ReadDate(Fields& f, std::string_view key, std::optional<Date>& out)
    {
        const Node* n = Get(f, key, Need::Optional);
        Date value;
        if (!n || !ReadDateNode(*n, Where{f.path(), key}, value))
            return false;
        out = value;
        return true;
    }

    bool ReadMonthNode(const Node& n, const Where& at, YearMonth& out)
    {
        if (!Expect(n, NodeType::String, kString, at))
            return false;
        std::string_view text = Text(n);
        if (std::optional<YearMonth> ym = YearMonth::Parse(text)) {
            out = *ym;
            return true;
        }
        Error(at.Path(), "月份应写作 YYYY-MM（01–12 月），实际为 " + Quote(text),
              "a month must be written YYYY-MM (months 01-12), got " + Quote(text));
        return false;
    }

    bool ReadMonth(Fields& f, std::string_view key, YearMonth& out)
    {
        const Node* n = Get(f, key, Need::Required);
        return n && ReadMonthNode(*n, Where{f.path(), key}, out);
    }

    bool ReadMonth(Fields& f, std::string_view key, std::optional<YearMonth>& out)
    {
        const Node* n = Get(f, key, Need::Optional);
        YearMonth value;
        if (!n || !ReadMonthNode(*n, Where{f.path(), key}, value))
            return false;
        out = value;
        return true;
    }

    template <typename Enum>
    bool ReadEnum(Fields& f, std::string_view key, Enum& out, std::optional<Enum> (*parse)(std::string_view), int count,
                  Need need = Need::Required)
    {
        const Node* n = Get(f, key, need);
        if (!n)
            return false;
        Where at{f.path(), key};
        if (!Expect(*n, NodeType::String, kString, at))
            return false;
        if (std::optional<Enum> value = parse(Text(*n))) {
            out = *value;
            return true;
        }
        Error(at.Path(), "未知的取值 " + Quote(Text(*n)) + "，应为 " + Choices<Enum>(count, "、") + " 之一",
              "unknown value " + Quote(Text(*n)) + "; expected one of " + Choices<Enum>(count, ", "));
        return false;
    }

    // rev, modified_by, modified_at: optional on every record.
    void ReadStamp(Fields& f, RecordStamp& stamp)
    {
        ReadInt(f, "rev", stamp.revision, 0, std::numeric_limits<int64_t>::max(), Need::Optional);
        ReadString(f, "modified_by", stamp.modified_by, Need::Optional);
        std::string at;
        if (ReadString(f, "modified_at", at, Need::Optional)) {
            if (IsValidTimestamp(at))
                stamp.modified_at = at;
            else
                Error(f.PathOf("modified_at"), "时间戳应为 ISO 8601 格式（如 2016-05-03T09:30:00+08:00），实际为 " + Quote(at),
                      "a timestamp must be ISO 8601 (e.g. 2016-05-03T09:30:00+08:00), got " + Quote(at));
        }
    }

    // Unknown members, kept for writing back.
    void ReadExtras(const Fields& f, ExtraFields& extra)
    {
        f.ForEachUnused([&](std::string_view key, const Node& n) { extra[std::string(key)] = ToNlohmann(n); });
    }

    nlohmann::json ToNlohmann(const Node& n) const
    {
        switch (n.type) {
        case NodeType::Null: return nullptr;
        case NodeType::Boolean: return n.flag;
        case NodeType::String: return std::string(Text(n));
        case NodeType::Number: {
            std::string_view text = Text(n);
            if (n.flag) {
                int64_t signed_value = 0;
                if (std::from_chars(text.data(), text.data() + text.size(), signed_value).ec == std::errc())
                    return signed_value;
                uint64_t unsigned_value = 0;
                std::from_chars(text.data(), text.data() + text.size(), unsigned_value);
                return unsigned_value;
            }
            return std::strtod(std::string(text).c_str(), nullptr);
        }
        case NodeType::Array: {
            nlohmann::json array = nlohmann::json::array();
            for (uint32_t c = n.first_child; c != kNoNode; c = doc_.nodes[c].next_sibling)
                array.push_back(ToNlohmann(doc_.nodes[c]));
            return array;
        }
        case NodeType::Object: {
            nlohmann::json object = nlohmann::json::object();
            for (uint32_t c = n.first_child; c != kNoNode; c = doc_.nodes[c].next_sibling)
                object[std::string(doc_.Key(doc_.nodes[c]))] = ToNlohmann(doc_.nodes[c]);
            return object;
        }
        }
        return nullptr;
    }

    // Calls read(node, path) for each element of the array `key`.
    // Returns whether the array was there.
    template <typename ReadItem>
    bool ReadArray(Fields& f, std::string_view key, Need need, ReadItem read)
    {
        const Node* n = Get(f, key, need);
        if (!n)
            return false;
        std::string path = f.PathOf(key);
        if (!Expect(*n, NodeType::Array, kArray, path))
            return false;
        std::size_t index = 0;
        for (uint32_t c = n->first_child; c != kNoNode; c = doc_.nodes[c].next_sibling, ++index) {
            std::string item_path = path;
            json_tree::AppendPathIndex(item_path, index);
            read(doc_.nodes[c], item_path);
        }
        return true;
    }

    // Calls read(fields) when `key` holds an object; reports it when required and absent.
    template <typename ReadBody>
    bool ReadObject(Fields& f, std::string_view key, Need need, ReadBody read)
    {
        const Node* n = Get(f, key, need);
        if (!n)
            return false;
        std::string path = f.PathOf(key);
        if (!Expect(*n, NodeType::Object, kObject, path))
            return false;
        Fields inner(doc_, static_cast<uint32_t>(n - doc_.nodes.data()), path);
        read(inner);
        return true;
    }

    // A record in a list: `read(fields)` runs only when the element is an object.
    template <typename ReadBody>
    void ReadRecord(const Node& n, const std::string& path, ReadBody read)
    {
        if (!Expect(n, NodeType::Object, kObject, path))
            return;
        Fields f(doc_, static_cast<uint32_t>(&n - doc_.nodes.data()), path);
        read(f);
    }

    // --- records (below)
    void ReadMeta(Fields& f);
    void ReadTaskForce(Fields& f);
    void ReadProject(Fields& f, Project& p);
    void ReadMilestone(Fields& f, Milestone& m);
    void ReadReport(Fields& f, MonthlyReport& r);
    void ReadProblem(Fields& f, Problem& p);
    void ReadAction(Fields& f, ProblemAction& a);
    void ReadSettings(Fields& f);
    void ReadPublishedRankings(Fields& f, PublishedRankings& p);
    void ReadPublishedEntry(Fields& f, PublishedRankEntry& e);

    std::string_view bytes_;
    std::size_t cap_;
    LoadResult& result_;
    std::vector<std::string> unreadable_;  // paths of every error of the walk, also beyond the cap
    Document doc_;
    Ledger ledger_;
};

//-----------------------------------------------------------------------------
// [SECTION] Loader: records
//-----------------------------------------------------------------------------

void Loader::ReadMeta(Fields& f)
{
    LedgerMeta& m = ledger_.meta;
    ReadString(f, "title", m.title);
    ReadInt(f, "year", m.year, kMinYear, kMaxYear);
    ReadMonth(f, "as_of", m.as_of);
    ReadString(f, "money_unit", m.money_unit);
    ReadString(f, "issuing_unit", m.issuing_unit);
    ReadBool(f, "demo", m.demo);
    ReadStamp(f, m.stamp);
    ReadExtras(f, m.extra);
}

void Loader::ReadTaskForce(Fields& f)
{
    TaskForce& t = ledger_.task_force;
    ReadString(f, "name", t.name);
    ReadString(f, "office", t.office);
    ReadArray(f, "roles", Need::Required, [&](const Node& n, const std::string& path) {
        t.roles.emplace_back();
        TaskForceRole& r = t.roles.back();
        ReadRecord(n, path, [&](Fields& rf) {
            ReadId(rf, r.id);
            ReadString(rf, "role", r.role);
            ReadString(rf, "holder", r.holder);
            ReadStamp(rf, r.stamp);
            ReadExtras(rf, r.extra);
        });
    });
    ReadArray(f, "member_unit_ids", Need::Required, [&](const Node& n, const std::string& path) {
        t.member_unit_ids.emplace_back();
        if (Expect(n, NodeType::String, kString, path))
            t.member_unit_ids.back().assign(Text(n));
    });
    ReadExtras(f, t.extra);
}

void Loader::ReadMilestone(Fields& f, Milestone& m)
{
    ReadId(f, m.id);
    ReadString(f, "name", m.name);
    ReadDate(f, "planned", m.planned);
    ReadDate(f, "actual", m.actual);
    ReadStamp(f, m.stamp);
    ReadExtras(f, m.extra);
}

void Loader::ReadReport(Fields& f, MonthlyReport& r)
{
    ReadMonth(f, "month", r.month);
    ReadMoney(f, "investment_wan", r.investment);
    ReadHundredths(f, "percent_complete", r.percent_complete, 0, 100, Need::Required);
    ReadString(f, "progress_text", r.progress_text);
    ReadString(f, "problems_text", r.problems_text);
    ReadMoney(f, "funds_in_place_wan", r.funds_in_place);
    ReadStamp(f, r.stamp);
    ReadExtras(f, r.extra);
}

void Loader::ReadProject(Fields& f, Project& p)
{
    ReadId(f, p.id);
    ReadString(f, "code", p.code);
    ReadString(f, "name", p.name);
    ReadString(f, "category", p.category);
    ReadReference(f, "district_id", p.district_id);
    ReadString(f, "owner_unit", p.owner_unit);
    ReadString(f, "content", p.content);
    ReadInt(f, "start_year", p.start_year, kMinYear, kMaxYear);
    ReadDate(f, "planned_completion", p.planned_completion);
    ReadReference(f, "city_leader_id", p.city_leader_id);
    ReadReference(f, "department_id", p.department_id);
    ReadString(f, "responsible_leader", p.responsible_leader);
    ReadString(f, "responsible_person", p.responsible_person);
    ReadString(f, "contact", p.contact);
    ReadMoney(f, "total_investment_wan", p.total_investment);
    ReadMoney(f, "completed_before_year_wan", p.completed_before_year);
    ReadMoney(f, "plan_wan", p.plan);
    ReadMoney(f, "funds_required_wan", p.funds_required);
    ReadMoney(f, "funds_in_place_wan", p.funds_in_place);
    ReadEnum(f, "status", p.status, &ParseProjectStatus, kProjectStatusCount);
    ReadBool(f, "completion_target", p.completion_target);
    ReadDate(f, "actual_start", p.actual_start);
    ReadDate(f, "actual_completion", p.actual_completion);
    ReadArray(f, "milestones", Need::Required, [&](const Node& n, const std::string& path) {
        p.milestones.emplace_back();
        ReadRecord(n, path, [&](Fields& mf) { ReadMilestone(mf, p.milestones.back()); });
    });
    ReadArray(f, "reports", Need::Required, [&](const Node& n, const std::string& path) {
        p.reports.emplace_back();
        ReadRecord(n, path, [&](Fields& rf) { ReadReport(rf, p.reports.back()); });
    });
    ReadStamp(f, p.stamp);
    ReadExtras(f, p.extra);
}

void Loader::ReadAction(Fields& f, ProblemAction& a)
{
    ReadId(f, a.id);
    ReadEnum(f, "kind", a.kind, &ParseActionKind, kActionKindCount);
    ReadDate(f, "date", a.date);
    ReadString(f, "by", a.by);
    ReadString(f, "text", a.text);
    ReadStamp(f, a.stamp);
    ReadExtras(f, a.extra);
}

void Loader::ReadProblem(Fields& f, Problem& p)
{
    ReadId(f, p.id);
    ReadReference(f, "project_id", p.project_id);
    ReadEnum(f, "category", p.category, &ParseProblemCategory, kProblemCategoryCount);
    ReadString(f, "text", p.text);
    ReadReference(f, "responsible_unit_id", p.responsible_unit_id);
    ReadDate(f, "assigned_date", p.assigned_date);
    ReadDate(f, "deadline", p.deadline);
    ReadEnum(f, "state", p.state, &ParseProblemState, kProblemStateCount);
    ReadArray(f, "history", Need::Required, [&](const Node& n, const std::string& path) {
        p.history.emplace_back();
        ReadRecord(n, path, [&](Fields& af) { ReadAction(af, p.history.back()); });
    });
    ReadStamp(f, p.stamp);
    ReadExtras(f, p.extra);
}

void Loader::ReadSettings(Fields& f)
{
    Settings& s = ledger_.settings;
    constexpr double kNoMax = std::numeric_limits<double>::max();
    constexpr int kNoIntMax = std::numeric_limits<int>::max();
    ReadObject(f, "warnings", Need::Optional, [&](Fields& wf) {
        WarningSettings& w = s.warnings;
        ReadHundredths(wf, "behind_yellow_points", w.behind_yellow_points, 0, 100, Need::Optional);
        ReadHundredths(wf, "behind_red_points", w.behind_red_points, 0, 100, Need::Optional);
        ReadHundredths(wf, "funds_red_percent", w.funds_red_percent, 0, 100, Need::Optional);
        ReadInt(wf, "late_start_red_months", w.late_start_red_months, 0, kNoIntMax, Need::Optional);
        ReadInt(wf, "due_soon_days", w.due_soon_days, 0, kNoIntMax, Need::Optional);
        ReadExtras(wf, w.extra);
    });
    ReadObject(f, "ranking", Need::Optional, [&](Fields& rf) {
        RankingSettings& r = s.ranking;
        ReadHundredths(rf, "investment_completion_weight", r.investment_completion_weight, 0, kNoMax, Need::Optional);
        ReadHundredths(rf, "start_rate_weight", r.start_rate_weight, 0, kNoMax, Need::Optional);
        ReadHundredths(rf, "funds_rate_weight", r.funds_rate_weight, 0, kNoMax, Need::Optional);
        ReadHundredths(rf, "completion_rate_weight", r.completion_rate_weight, 0, kNoMax, Need::Optional);
        ReadInt(rf, "bottom_n", r.bottom_n, 0, kNoIntMax, Need::Optional);
        ReadExtras(rf, r.extra);
    });
    ReadObject(f, "indicators", Need::Optional, [&](Fields& xf) {
        IndicatorSettings& x = s.indicators;
        ReadEnum(xf, "schedule_basis", x.schedule_basis, &ParseScheduleBasis, kScheduleBasisCount, Need::Optional);
        ReadInt(xf, "schedule_start_month", x.schedule_start_month, 1, 12, Need::Optional);
        ReadInt(xf, "milestone_grace_days", x.milestone_grace_days, 0, kNoIntMax, Need::Optional);
        ReadExtras(xf, x.extra);
    });
    ReadObject(f, "assessment", Need::Optional, [&](Fields& af) {
        AssessmentSettings& a = s.assessment;
        ReadHundredths(af, "quantitative_weight", a.quantitative_weight, 0, kNoMax, Need::Optional);
        ReadHundredths(af, "qualitative_weight", a.qualitative_weight, 0, kNoMax, Need::Optional);
        ReadHundredths(af, "overdue_problem_deduction", a.overdue_problem_deduction, 0, kNoMax, Need::Optional);
        ReadArray(af, "qualitative_scores", Need::Optional, [&](const Node& n, const std::string& path) {
            a.qualitative_scores.emplace_back();
            ReadRecord(n, path, [&](Fields& qf) {
                QualitativeScore& q = a.qualitative_scores.back();
                ReadReference(qf, "unit_id", q.unit_id);
                ReadHundredths(qf, "score", q.score, 0, 100, Need::Required);
                ReadExtras(qf, q.extra);
            });
        });
        ReadExtras(af, a.extra);
    });
    ReadExtras(f, s.extra);
}

void Loader::ReadPublishedEntry(Fields& f, PublishedRankEntry& e)
{
    constexpr double kNoMax = std::numeric_limits<double>::max();
    ReadReference(f, "unit_id", e.unit_id);
    ReadString(f, "name", e.name);
    ReadObject(f, "rates", Need::Required, [&](Fields& rf) {
        for (int i = 0; i < 4; ++i) {
            double rate = 0;
            if (ReadHundredths(rf, kRankedRateKeys[i], rate, 0, kNoMax, Need::Optional))
                e.rates[i] = rate;
        }
        ReadExtras(rf, e.rates_extra);
    });
    ReadObject(f, "points", Need::Required, [&](Fields& pf) {
        for (int i = 0; i < 4; ++i)
            ReadHundredths(pf, kRankedRateKeys[i], e.points[i], 0, kNoMax, Need::Required);
        ReadExtras(pf, e.points_extra);
    });
    ReadHundredths(f, "score", e.score, 0, kNoMax, Need::Required);
    ReadInt(f, "rank", e.rank, 1, std::numeric_limits<int>::max());
    ReadBool(f, "bottom", e.bottom);
    ReadExtras(f, e.extra);
}

void Loader::ReadPublishedRankings(Fields& f, PublishedRankings& p)
{
    ReadMonth(f, "month", p.month);
    std::string at;
    if (ReadString(f, "published_at", at)) {
        if (IsValidTimestamp(at))
            p.published_at = at;
        else
            Error(f.PathOf("published_at"), "时间戳应为 ISO 8601 格式（如 2016-06-03T09:30:00+08:00），实际为 " + Quote(at),
                  "a timestamp must be ISO 8601 (e.g. 2016-06-03T09:30:00+08:00), got " + Quote(at));
    }
    ReadString(f, "published_by", p.published_by, Need::Optional);
    ReadInt(f, "bottom_n", p.bottom_n, 0, std::numeric_limits<int>::max());
    for (auto [key, list] : {std::pair{"districts", &p.districts}, std::pair{"departments", &p.departments}})
        ReadArray(f, key, Need::Required, [&, list = list](const Node& n, const std::string& path) {
            list->emplace_back();
            PublishedRankEntry& e = list->back();
            ReadRecord(n, path, [&](Fields& ef) { ReadPublishedEntry(ef, e); });
        });
    ReadExtras(f, p.extra);
}

//-----------------------------------------------------------------------------
// [SECTION] Loader: run
//-----------------------------------------------------------------------------

void Loader::Run()
{
    // Offsets in the document are 32-bit; no real ledger comes near.
    if (bytes_.size() >= 0x7FFFFFFFu) {
        Error("", "文件过大（超过 2 GB）", "the file is too large (over 2 GB)");
        return;
    }
    std::size_t bad_byte = json_tree::FindInvalidUtf8(bytes_);
    if (bad_byte != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes_[bad_byte]));
        ErrorAt(bad_byte, std::string("文件不是有效的 UTF-8 文本（字节 ") + hex + "），请以 UTF-8 编码保存",
                std::string("the file is not valid UTF-8 text (byte ") + hex + "); save it as UTF-8");
        return;
    }
    json_tree::ParseFailure failure;
    std::vector<json_tree::DuplicateKey> duplicates;
    if (!json_tree::Parse(bytes_, doc_, failure, duplicates)) {
        if (failure.too_deep)
            ErrorAt(failure.offset, "JSON 嵌套过深（超过 " + std::to_string(json_tree::kMaxDepth) + " 层）",
                    "malformed JSON: " + failure.detail);
        else
            ErrorAt(failure.offset, "JSON 语法错误：" + failure.detail_zh, "malformed JSON: " + failure.detail);
        return;
    }
    for (const json_tree::DuplicateKey& d : duplicates)
        Error(d.path, "重复的键 " + Quote(d.key) + "（同一对象中只能出现一次）",
              "duplicate key " + Quote(d.key) + " (a key may appear only once in an object)");

    const Node& root = doc_.nodes[0];
    if (root.type != NodeType::Object) {
        Error("", std::string("文件内容不是 JSON 对象（实际为") + TypeWords(root).zh + "），不是重点项目台账",
              std::string("the file is not a JSON object (it is ") + TypeWords(root).en + "), so not a key-project ledger");
        return;
    }
    Fields f(doc_, 0, "");

    // Format and version first: without them nothing else can be read with confidence.
    const Node* format = f.Take("format");
    if (!format || format->type != NodeType::String || Text(*format) != kFormatName) {
        std::string got_zh, got_en;
        if (!format) {
            got_zh = "缺少 format";
            got_en = "format is missing";
        } else if (format->type == NodeType::String) {
            got_zh = "format 为 " + Quote(Text(*format));
            got_en = "format is " + Quote(Text(*format));
        } else {
            got_zh = std::string("format 为") + TypeWords(*format).zh;
            got_en = std::string("format is ") + TypeWords(*format).en;
        }
        Error("format", "不是重点项目台账文件：" + got_zh + "，应为 \"key-project-ledger\"",
              "not a key-project ledger: " + got_en + ", expected \"key-project-ledger\"");
        return;
    }
    const Node* version = f.Take("format_version");
    if (!version) {
        Error("format_version", "缺少格式版本 format_version，本程序只支持版本 " + std::to_string(kFormatVersion),
              "format_version is missing; this program supports version " + std::to_string(kFormatVersion) + " only");
        return;
    }
    // Compared as text: "1.0" is the same number but not the version token this format writes.
    if (version->type != NodeType::Number || Text(*version) != std::to_string(kFormatVersion)) {
        std::string got_zh, got_en;
        if (version->type == NodeType::Number || version->type == NodeType::String) {
            got_zh = got_en = version->type == NodeType::Number ? std::string(Text(*version)) : Quote(Text(*version));
        } else {
            got_zh = TypeWords(*version).zh;
            got_en = TypeWords(*version).en;
        }
        Error("format_version", "不支持的格式版本 " + got_zh + "，本程序只支持版本 " + std::to_string(kFormatVersion),
              "unsupported format version " + got_en + "; this program supports version " + std::to_string(kFormatVersion) + " only");
        return;
    }

    if (ReadString(f, "ledger_id", ledger_.ledger_id) && !IsValidId(ledger_.ledger_id))
        InvalidId("ledger_id", ledger_.ledger_id);
    ReadInt(f, "revision", ledger_.revision, 0, std::numeric_limits<int64_t>::max());
    ReadObject(f, "meta", Need::Required, [&](Fields& mf) { ReadMeta(mf); });
    ReadObject(f, "task_force", Need::Required, [&](Fields& tf) { ReadTaskForce(tf); });
    ReadArray(f, "districts", Need::Required, [&](const Node& n, const std::string& path) {
        ledger_.districts.emplace_back();
        District& d = ledger_.districts.back();
        ReadRecord(n, path, [&](Fields& df) {
            ReadId(df, d.id);
            ReadString(df, "name", d.name);
            ReadEnum(df, "kind", d.kind, &ParseDistrictKind, kDistrictKindCount);
            ReadStamp(df, d.stamp);
            ReadExtras(df, d.extra);
        });
    });
    ReadArray(f, "departments", Need::Required, [&](const Node& n, const std::string& path) {
        ledger_.departments.emplace_back();
        Department& d = ledger_.departments.back();
        ReadRecord(n, path, [&](Fields& df) {
            ReadId(df, d.id);
            ReadString(df, "name", d.name);
            ReadStamp(df, d.stamp);
            ReadExtras(df, d.extra);
        });
    });
    ReadArray(f, "city_leaders", Need::Required, [&](const Node& n, const std::string& path) {
        ledger_.city_leaders.emplace_back();
        CityLeader& c = ledger_.city_leaders.back();
        ReadRecord(n, path, [&](Fields& cf) {
            ReadId(cf, c.id);
            ReadString(cf, "title", c.title);
            ReadStamp(cf, c.stamp);
            ReadExtras(cf, c.extra);
        });
    });
    ReadArray(f, "projects", Need::Required, [&](const Node& n, const std::string& path) {
        ledger_.projects.emplace_back();
        Project& p = ledger_.projects.back();
        ReadRecord(n, path, [&](Fields& pf) { ReadProject(pf, p); });
    });
    ReadArray(f, "problems", Need::Required, [&](const Node& n, const std::string& path) {
        ledger_.problems.emplace_back();
        Problem& p = ledger_.problems.back();
        ReadRecord(n, path, [&](Fields& pf) { ReadProblem(pf, p); });
    });
    ReadObject(f, "settings", Need::Optional, [&](Fields& sf) { ReadSettings(sf); });
    ReadArray(f, "published_rankings", Need::Optional, [&](const Node& n, const std::string& path) {
        ledger_.published_rankings.emplace_back();
        PublishedRankings& p = ledger_.published_rankings.back();
        ReadRecord(n, path, [&](Fields& pf) { ReadPublishedRankings(pf, p); });
    });
    ReadExtras(f, ledger_.extra);

    // The record rules, judging only what was read.
    Findings findings = ValidateLedger(ledger_, unreadable_);
    for (Diagnostic& d : findings.errors)
        Report(std::move(d));
    for (Diagnostic& d : findings.warnings)
        Warning(std::move(d));

    if (result_.errors.empty())
        result_.ledger = std::move(ledger_);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------

LoadResult LoadLedger(std::string_view file_bytes, std::size_t error_cap)
{
    LoadResult result;
    if (error_cap == 0)
        error_cap = 1;
    try {
        Loader loader(file_bytes, error_cap, result);
        loader.Run();
    } catch (const std::exception& e) {
        // Out of memory, mostly: the caller's open ledger stays untouched either way.
        result.ledger.reset();
        result.errors.push_back(Diagnostic{"", std::string("读取文件时发生内部错误：") + e.what(),
                                           std::string("internal error while loading: ") + e.what(), 0, 0});
    }
    return result;
}

} // namespace kpl
