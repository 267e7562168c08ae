// Loading a ledger file: UTF-8 and JSON syntax first, then a strict walk over the document that
// fills the model and collects every error (JSON path + Chinese / English message) up to the cap,
// then the checks across records (duplicate IDs, references) and the warnings.
//
// [SECTION] Messages and small helpers
// [SECTION] Fields: the members of one JSON object, taken one by one by the reader
// [SECTION] Loader: typed field readers
// [SECTION] Loader: records
// [SECTION] Loader: checks across records
// [SECTION] Public API
#include "ledger_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <unordered_map>

#include "json_tree.h"
#include "problem_lifecycle.h"

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

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr std::size_t kMaxIdLength = 64;

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

// A value quoted for a message: JSON-escaped, and cut short (at a character boundary) when long.
std::string Quote(std::string_view text)
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

std::string ItemPath(const char* list, std::size_t index)
{
    std::string path = list;
    json_tree::AppendPathIndex(path, index);
    return path;
}

std::string FieldPath(std::string path, std::string_view key)
{
    json_tree::AppendPathKey(path, key);
    return path;
}

std::string MoneyText(Money m) { return m.ToString(); }

std::string PercentText(double v)
{
    std::string out;
    AppendHundredths(out, std::llround(v * 100.0));
    return out;
}

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
    void Error(std::string path, std::string zh, std::string en)
    {
        ++error_count_;
        if (result_.errors.size() >= cap_) {
            result_.errors_truncated = true;
            return;
        }
        result_.errors.push_back(Diagnostic{std::move(path), std::move(zh), std::move(en), 0, 0});
    }
    void Warning(std::string path, std::string zh, std::string en)
    {
        if (result_.warnings.size() < cap_)
            result_.warnings.push_back(Diagnostic{std::move(path), std::move(zh), std::move(en), 0, 0});
    }
    void ErrorAt(std::size_t offset, std::string zh, std::string en)
    {
        Diagnostic d{"", std::move(zh), std::move(en), 0, 0};
        json_tree::LineAndColumn(bytes_, offset, d.line, d.column);
        result_.errors.push_back(std::move(d));
    }
    void Missing(const std::string& path) { Error(path, "缺少必填字段", "missing required field"); }
    void InvalidId(const std::string& path, const std::string& id)
    {
        Error(path, "ID " + Quote(id) + " 无效：只能由字母、数字和 _ . - 组成，以字母或数字开头，最长 64 个字符",
              "invalid ID " + Quote(id) + ": use letters, digits, _ . - only, starting with a letter or digit, at most 64 characters");
    }
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

    // A reference to another record by ID; must not be empty (existence is checked later).
    bool ReadReference(Fields& f, std::string_view key, std::string& out)
    {
        if (!ReadString(f, key, out))
            return false;
        if (!out.empty())
            return true;
        Error(f.PathOf(key), "引用的 ID 不能为空", "the referenced ID must not be empty");
        return false;
    }

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
                Error(path, "应为不小于 " + std::to_string(min) + " 的整数，实际为 " + std::string(text),
                      "expected an integer of at least " + std::to_string(min) + ", got " + std::string(text));
            else
                Error(path, "应在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间，实际为 " + std::string(text),
                      "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + std::string(text));
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
                Error(path, "不能为负数，实际为 " + text, "must not be negative, got " + text);
            else
                Error(path, "应在 " + PercentText(min) + " 到 " + PercentText(max) + " 之间，实际为 " + text,
                      "must be between " + PercentText(min) + " and " + PercentText(max) + ", got " + text);
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
                Error(path, "金额不能为负数，实际为 " + text, "money must not be negative, got " + text);
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
    bool ReadEnum(Fields& f, std::string_view key, Enum& out, std::optional<Enum> (*parse)(std::string_view), int count)
    {
        const Node* n = Get(f, key, Need::Required);
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
    bool ReadAction(Fields& f, ProblemAction& a);
    void ReadSettings(Fields& f);
    void CheckProjectReports(const Project& p, const std::string& path, bool warn);
    void CheckProblemHistory(const Problem& p, const std::string& path, bool state_known, bool history_known);

    // --- checks across records
    void CheckIds();
    void CheckReferences();

    std::string_view bytes_;
    std::size_t cap_;
    std::size_t error_count_ = 0;  // all errors found, also those beyond the cap
    LoadResult& result_;
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
    if (ReadString(f, "money_unit", m.money_unit) && m.money_unit != "万元")
        Error(f.PathOf("money_unit"), "金额单位只能是“万元”，实际为 " + Quote(m.money_unit),
              "the money unit must be 万元, got " + Quote(m.money_unit));
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
        if (Expect(n, NodeType::String, kString, path)) {
            t.member_unit_ids.back().assign(Text(n));
            if (t.member_unit_ids.back().empty())
                Error(path, "引用的 ID 不能为空", "the referenced ID must not be empty");
        }
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
    if (m.actual && ledger_.meta.as_of && *m.actual > ledger_.meta.as_of->LastDay()) {
        std::string as_of = ledger_.meta.as_of->ToString();
        Warning(f.PathOf("actual"), "实际完成日期 " + m.actual->ToString() + " 晚于截至月份 " + as_of + " 的月末",
                "actual date " + m.actual->ToString() + " is after the end of the as-of month " + as_of);
    }
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
    const std::size_t errors_before = error_count_;
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
    bool status_known = ReadEnum(f, "status", p.status, &ParseProjectStatus, kProjectStatusCount);
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

    // Legal but suspicious figures. A value that failed to read is left at its default, and a
    // warning drawn from it would only mislead: a project with errors gets no warnings.
    const bool warn = error_count_ == errors_before;
    CheckProjectReports(p, f.path(), warn);
    if (!warn)
        return;
    Money this_year;
    for (const MonthlyReport& r : p.reports)
        if (r.month.year == ledger_.meta.year)
            this_year += r.investment;
    Money completed = p.completed_before_year + this_year;
    if (completed > p.total_investment)
        Warning(f.PathOf("total_investment_wan"),
                "累计完成投资 " + MoneyText(completed) + " 万元（往年 " + MoneyText(p.completed_before_year) + " + 今年 " +
                    MoneyText(this_year) + "）超过总投资 " + MoneyText(p.total_investment) + " 万元",
                "completed investment " + MoneyText(completed) + " (before this year " + MoneyText(p.completed_before_year) +
                    " + this year " + MoneyText(this_year) + ") exceeds the total investment " + MoneyText(p.total_investment));
    if (p.funds_in_place > p.funds_required)
        Warning(f.PathOf("funds_in_place_wan"),
                "到位资金 " + MoneyText(p.funds_in_place) + " 万元超过所需资金 " + MoneyText(p.funds_required) + " 万元",
                "funds in place " + MoneyText(p.funds_in_place) + " exceed the funds required " + MoneyText(p.funds_required));
    if (status_known && (p.status == ProjectStatus::Completed || p.status == ProjectStatus::Commissioned)) {
        const MonthlyReport* latest = nullptr;
        for (const MonthlyReport& r : p.reports)
            if (r.month.year != 0 && (!latest || latest->month < r.month))
                latest = &r;
        if (latest && latest->percent_complete < 100)
            Warning(f.PathOf("status"),
                    std::string("状态为") + ChineseLabel(p.status) + "，但最新月报（" + latest->month.ToString() + "）完成百分比为 " +
                        PercentText(latest->percent_complete),
                    std::string("status is ") + ToJsonText(p.status) + " but the latest report (" + latest->month.ToString() +
                        ") says " + PercentText(latest->percent_complete) + " percent complete");
    }
}

// Report months: unique (an error), in order, within the ledger's year and not after the as-of
// month; the cumulative percentage never going down (warnings, when `warn`).
void Loader::CheckProjectReports(const Project& p, const std::string& path, bool warn)
{
    std::string reports_path = FieldPath(path, "reports");
    auto report_path = [&](std::size_t i, const char* field) {
        std::string s = reports_path;
        json_tree::AppendPathIndex(s, i);
        return FieldPath(std::move(s), field);
    };
    std::vector<std::size_t> order;  // valid months, sorted by month
    std::unordered_map<int, std::size_t> first_of_month;
    for (std::size_t i = 0; i < p.reports.size(); ++i) {
        YearMonth month = p.reports[i].month;
        if (month.year == 0)
            continue;  // missing or invalid, reported already
        auto [it, inserted] = first_of_month.emplace(month.Index(), i);
        if (!inserted) {
            std::string first = reports_path;
            json_tree::AppendPathIndex(first, it->second);
            Error(report_path(i, "month"), "月份 " + month.ToString() + " 的月报重复，已见于 " + first,
                  "duplicate report for month " + month.ToString() + ", already at " + first);
            continue;
        }
        if (!warn)
            continue;
        if (!order.empty() && month < p.reports[order.back()].month) {
            std::string previous = p.reports[order.back()].month.ToString();
            Warning(report_path(i, "month"), "月报未按月份排序：" + month.ToString() + " 排在 " + previous + " 之后",
                    "reports are out of month order: " + month.ToString() + " comes after " + previous);
        }
        if (order.empty() || p.reports[order.back()].month < month)
            order.push_back(i);
        else
            order.insert(std::upper_bound(order.begin(), order.end(), i,
                                          [&](std::size_t a, std::size_t b) { return p.reports[a].month < p.reports[b].month; }),
                         i);
        if (ledger_.meta.year != 0 && month.year != ledger_.meta.year)
            Warning(report_path(i, "month"),
                    "月报月份 " + month.ToString() + " 不在台账年份 " + std::to_string(ledger_.meta.year) + " 内",
                    "report month " + month.ToString() + " is outside the ledger year " + std::to_string(ledger_.meta.year));
        else if (ledger_.meta.as_of && *ledger_.meta.as_of < month)
            Warning(report_path(i, "month"), "月报月份 " + month.ToString() + " 晚于截至月份 " + ledger_.meta.as_of->ToString(),
                    "report month " + month.ToString() + " is after the as-of month " + ledger_.meta.as_of->ToString());
    }
    for (std::size_t k = 1; k < order.size(); ++k) {
        const MonthlyReport& before = p.reports[order[k - 1]];
        const MonthlyReport& after = p.reports[order[k]];
        if (after.percent_complete < before.percent_complete)
            Warning(report_path(order[k], "percent_complete"),
                    "完成百分比从 " + PercentText(before.percent_complete) + " 降到 " + PercentText(after.percent_complete) + "（" +
                        before.month.ToString() + " → " + after.month.ToString() + "）",
                    "percent complete went down from " + PercentText(before.percent_complete) + " to " +
                        PercentText(after.percent_complete) + " (" + before.month.ToString() + " → " + after.month.ToString() + ")");
    }
}

bool Loader::ReadAction(Fields& f, ProblemAction& a)
{
    ReadId(f, a.id);
    bool kind_known = ReadEnum(f, "kind", a.kind, &ParseActionKind, kActionKindCount);
    ReadDate(f, "date", a.date);
    ReadString(f, "by", a.by);
    ReadString(f, "text", a.text);
    ReadStamp(f, a.stamp);
    ReadExtras(f, a.extra);
    return kind_known;
}

void Loader::ReadProblem(Fields& f, Problem& p)
{
    ReadId(f, p.id);
    ReadReference(f, "project_id", p.project_id);
    ReadEnum(f, "category", p.category, &ParseProblemCategory, kProblemCategoryCount);
    ReadString(f, "text", p.text);
    ReadReference(f, "responsible_unit_id", p.responsible_unit_id);
    bool assigned_known = ReadDate(f, "assigned_date", p.assigned_date);
    bool deadline_known = ReadDate(f, "deadline", p.deadline);
    bool state_known = ReadEnum(f, "state", p.state, &ParseProblemState, kProblemStateCount);
    bool history_known = true;
    bool history_present = ReadArray(f, "history", Need::Required, [&](const Node& n, const std::string& path) {
        p.history.emplace_back();
        bool kind_known = false;
        ReadRecord(n, path, [&](Fields& af) { kind_known = ReadAction(af, p.history.back()); });
        history_known = history_known && kind_known;
    });
    ReadStamp(f, p.stamp);
    ReadExtras(f, p.extra);

    if (assigned_known && deadline_known && p.deadline < p.assigned_date)
        Error(f.PathOf("deadline"), "办结期限 " + p.deadline.ToString() + " 早于交办日期 " + p.assigned_date.ToString(),
              "deadline " + p.deadline.ToString() + " is before the assigned date " + p.assigned_date.ToString());
    if (history_present)
        CheckProblemHistory(p, f.path(), state_known, history_known);
}

// The state must be where the history leads, each step legal per problem_lifecycle.
void Loader::CheckProblemHistory(const Problem& p, const std::string& path, bool state_known, bool history_known)
{
    if (!history_known)
        return;  // an unreadable step was reported already; replaying would only add noise
    std::string history_path = FieldPath(path, "history");
    if (p.history.empty()) {
        Error(history_path, "处理记录为空，第一步应为交办", "the history is empty; it must start with assign");
        return;
    }
    std::optional<ProblemState> state;
    for (std::size_t i = 0; i < p.history.size(); ++i) {
        const ProblemAction& action = p.history[i];
        TransitionResult step = ApplyAction(state, action.kind);
        if (!step.next) {
            std::string step_path = history_path;
            json_tree::AppendPathIndex(step_path, i);
            std::string kind = ToJsonText(action.kind);
            Error(FieldPath(step_path, "kind"),
                  "第 " + std::to_string(i + 1) + " 步 \"" + kind + "\" 不合法：" + step.reason_zh,
                  "step " + std::to_string(i + 1) + " \"" + kind + "\" is not allowed: " + step.reason_en);
            return;
        }
        if (i > 0 && action.date.year != 0 && p.history[i - 1].date.year != 0 && action.date < p.history[i - 1].date) {
            std::string step_path = history_path;
            json_tree::AppendPathIndex(step_path, i);
            Warning(FieldPath(step_path, "date"),
                    "处理日期 " + action.date.ToString() + " 早于上一步的 " + p.history[i - 1].date.ToString(),
                    "action date " + action.date.ToString() + " is before the previous action's " + p.history[i - 1].date.ToString());
        }
        state = step.next;
    }
    if (state_known && state && *state != p.state)
        Error(FieldPath(path, "state"),
              std::string("状态 \"") + ToJsonText(p.state) + "\" 与处理记录不符，按处理记录应为 \"" + ToJsonText(*state) + "\"",
              std::string("state \"") + ToJsonText(p.state) + "\" disagrees with the history, which leads to \"" +
                  ToJsonText(*state) + "\"");
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
        ReadInt(wf, "late_start_red_months", w.late_start_red_months, 0, kNoIntMax, Need::Optional);
        ReadInt(wf, "due_soon_days", w.due_soon_days, 0, kNoIntMax, Need::Optional);
        ReadExtras(wf, w.extra);
        if (w.behind_red_points < w.behind_yellow_points)
            Error(wf.PathOf("behind_red_points"),
                  "红色阈值 " + PercentText(w.behind_red_points) + " 不能小于黄色阈值 " + PercentText(w.behind_yellow_points),
                  "the red threshold " + PercentText(w.behind_red_points) + " must not be below the yellow threshold " +
                      PercentText(w.behind_yellow_points));
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
    ReadExtras(f, s.extra);
}

//-----------------------------------------------------------------------------
// [SECTION] Loader: checks across records
//-----------------------------------------------------------------------------

// Remembers where each ID was first seen and reports repeats.
class IdRegistry {
public:
    // Returns the path where `id` was first seen, or nullptr after registering it at `path`.
    const std::string* Register(const std::string& id, std::string path)
    {
        auto [it, inserted] = first_.emplace(id, std::move(path));
        return inserted ? nullptr : &it->second;
    }
    const std::string* Find(const std::string& id) const
    {
        auto it = first_.find(id);
        return it == first_.end() ? nullptr : &it->second;
    }

private:
    std::unordered_map<std::string, std::string> first_;
};

void Loader::CheckIds()
{
    auto duplicate = [&](const std::string& path, const std::string& id, const std::string& first) {
        Error(path, "ID " + Quote(id) + " 重复，已用于 " + first, "duplicate ID " + Quote(id) + ", already used by " + first);
    };
    auto check_list = [&](const char* list, auto& records) {
        IdRegistry ids;
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (records[i].id.empty())
                continue;
            std::string path = ItemPath(list, i);
            if (const std::string* first = ids.Register(records[i].id, path))
                duplicate(FieldPath(path, "id"), records[i].id, *first);
        }
    };
    check_list("task_force.roles", ledger_.task_force.roles);
    check_list("districts", ledger_.districts);
    check_list("departments", ledger_.departments);
    check_list("city_leaders", ledger_.city_leaders);
    check_list("projects", ledger_.projects);
    check_list("problems", ledger_.problems);

    // A responsible unit is a department or a district, named by ID alone: the two lists must not
    // share an ID.
    IdRegistry district_ids;
    for (std::size_t i = 0; i < ledger_.districts.size(); ++i)
        if (!ledger_.districts[i].id.empty())
            district_ids.Register(ledger_.districts[i].id, ItemPath("districts", i));
    for (std::size_t i = 0; i < ledger_.departments.size(); ++i) {
        const std::string& id = ledger_.departments[i].id;
        if (const std::string* district = id.empty() ? nullptr : district_ids.Find(id))
            Error(FieldPath(ItemPath("departments", i), "id"),
                  "ID " + Quote(id) + " 已被区县 " + *district + " 使用；责任单位按 ID 指向部门或区县，两者的 ID 不能相同",
                  "ID " + Quote(id) + " is already used by the district " + *district +
                      "; responsible units name a department or a district by ID, so their IDs must differ");
    }

    // Milestone and action IDs are unique in the whole ledger.
    IdRegistry milestone_ids;
    for (std::size_t i = 0; i < ledger_.projects.size(); ++i) {
        const Project& p = ledger_.projects[i];
        for (std::size_t k = 0; k < p.milestones.size(); ++k) {
            if (p.milestones[k].id.empty())
                continue;
            std::string path = FieldPath(ItemPath("projects", i), "milestones");
            json_tree::AppendPathIndex(path, k);
            if (const std::string* first = milestone_ids.Register(p.milestones[k].id, path))
                duplicate(FieldPath(path, "id"), p.milestones[k].id, *first);
        }
    }
    IdRegistry action_ids;
    for (std::size_t i = 0; i < ledger_.problems.size(); ++i) {
        const Problem& p = ledger_.problems[i];
        for (std::size_t k = 0; k < p.history.size(); ++k) {
            if (p.history[k].id.empty())
                continue;
            std::string path = FieldPath(ItemPath("problems", i), "history");
            json_tree::AppendPathIndex(path, k);
            if (const std::string* first = action_ids.Register(p.history[k].id, path))
                duplicate(FieldPath(path, "id"), p.history[k].id, *first);
        }
    }
}

void Loader::CheckReferences()
{
    auto index_of = [](const auto& records) {
        std::unordered_map<std::string_view, std::size_t> index;
        for (std::size_t i = 0; i < records.size(); ++i)
            if (!records[i].id.empty())
                index.emplace(records[i].id, i);
        return index;
    };
    auto districts = index_of(ledger_.districts);
    auto departments = index_of(ledger_.departments);
    auto leaders = index_of(ledger_.city_leaders);
    auto projects = index_of(ledger_.projects);

    auto dangling = [&](const std::string& path, const std::string& id, const char* what_zh, const char* what_en) {
        Error(path, std::string("引用的") + what_zh + " " + Quote(id) + " 不存在",
              std::string("refers to ") + what_en + " " + Quote(id) + ", which does not exist");
    };

    const std::vector<std::string>& members = ledger_.task_force.member_unit_ids;
    std::unordered_map<std::string_view, std::size_t> seen_members;
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (members[i].empty())
            continue;
        std::string path = ItemPath("task_force.member_unit_ids", i);
        if (!departments.count(members[i]))
            dangling(path, members[i], "成员单位（部门）", "the member unit (department)");
        auto [it, inserted] = seen_members.emplace(members[i], i);
        if (!inserted)
            Error(path, "成员单位 " + Quote(members[i]) + " 重复，已见于 " + ItemPath("task_force.member_unit_ids", it->second),
                  "member unit " + Quote(members[i]) + " is listed twice, already at " +
                      ItemPath("task_force.member_unit_ids", it->second));
    }
    for (std::size_t i = 0; i < ledger_.projects.size(); ++i) {
        const Project& p = ledger_.projects[i];
        std::string path = ItemPath("projects", i);
        if (!p.district_id.empty() && !districts.count(p.district_id))
            dangling(FieldPath(path, "district_id"), p.district_id, "区县", "district");
        if (!p.city_leader_id.empty() && !leaders.count(p.city_leader_id))
            dangling(FieldPath(path, "city_leader_id"), p.city_leader_id, "市级领导", "city leader");
        if (!p.department_id.empty() && !departments.count(p.department_id))
            dangling(FieldPath(path, "department_id"), p.department_id, "服务责任部门", "department");
    }
    for (std::size_t i = 0; i < ledger_.problems.size(); ++i) {
        const Problem& p = ledger_.problems[i];
        std::string path = ItemPath("problems", i);
        if (!p.project_id.empty() && !projects.count(p.project_id))
            dangling(FieldPath(path, "project_id"), p.project_id, "项目", "project");
        if (!p.responsible_unit_id.empty() && !departments.count(p.responsible_unit_id) &&
            !districts.count(p.responsible_unit_id))
            dangling(FieldPath(path, "responsible_unit_id"), p.responsible_unit_id, "责任单位（部门或区县）",
                     "responsible unit (department or district)");
    }
}

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
            ErrorAt(failure.offset, "JSON 语法错误", "malformed JSON: " + failure.detail);
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
    ReadExtras(f, ledger_.extra);

    CheckIds();
    CheckReferences();

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
