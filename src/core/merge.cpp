// Report packages, field-level import and three-way merge (merge.h, docs/ledger-format.md §14).
//
// The ledger is taken apart into flat records (record key -> fields, stamp) and ordered lists,
// changed there, and put back together through the loader, so that what comes out is exactly a
// ledger the app would load (and anything else is refused with the loader's errors).
//
// [SECTION] Flat records: taking a ledger apart and putting it back
// [SECTION] Packages: making, saving, loading
// [SECTION] Sharing state in the ledger
// [SECTION] Ownership
// [SECTION] Import: field by field
// [SECTION] Decisions: conflicts and pending changes
#include "merge.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "problem_lifecycle.h"
#include "validate.h"

namespace kpl {

using json = nlohmann::json;

namespace {

Diagnostic Diag(const std::string& path, std::string zh, std::string en)
{
    return Diagnostic{path, std::move(zh), std::move(en), 0, 0};
}

//-----------------------------------------------------------------------------
// [SECTION] Flat records: taking a ledger apart and putting it back
//-----------------------------------------------------------------------------

struct FlatRecord {
    json fields = json::object();
    RecordStamp stamp;
};

struct Flat {
    std::map<std::string, FlatRecord> records;
    std::map<std::string, std::vector<std::string>> lists;  // list key -> record keys in order
    json top = json::object();                              // format, version, ledger_id, revision, sharing
};

const char* const kSingletons[] = {"ledger", "meta", "task_force", "settings"};
const char* const kSettingsGroups[] = {"warnings", "ranking", "indicators", "assessment"};
const char* const kKnownTop[] = {"format", "format_version", "ledger_id", "revision", "meta", "task_force",
                                 "districts", "departments", "city_leaders", "projects", "problems", "settings",
                                 "sharing", "published_rankings"};

bool IsSingleton(const std::string& record)
{
    for (const char* s : kSingletons)
        if (record == s)
            return true;
    return false;
}

// Published rankings carry who and when in their own members, not a stamp.
bool HasStamp(const std::string& record)
{
    return record != "ledger" && record != "task_force" && record != "settings" &&
           record.rfind("published_rankings/", 0) != 0;
}

std::string ListOf(const std::string& record)
{
    std::size_t slash = record.rfind('/');
    return slash == std::string::npos ? std::string() : record.substr(0, slash);
}

std::string ParentOf(const std::string& record)
{
    std::string list = ListOf(record);
    std::size_t slash = list.rfind('/');
    return slash == std::string::npos ? std::string() : list.substr(0, slash);
}

std::string LastSegment(const std::string& key)
{
    std::size_t slash = key.rfind('/');
    return slash == std::string::npos ? key : key.substr(slash + 1);
}

std::vector<std::string> Segments(const std::string& key)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t slash = key.find('/', start);
        out.push_back(key.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos)
            return out;
        start = slash + 1;
    }
}

// A record key that names a record of a known list with valid IDs (reports: a month).
bool IsValidRecordKey(const std::string& key)
{
    if (IsSingleton(key))
        return true;
    std::vector<std::string> s = Segments(key);
    auto id = [](const std::string& t) { return IsValidId(t); };
    auto month = [](const std::string& t) { return YearMonth::Parse(t).has_value(); };
    if (s.size() == 2)
        return ((s[0] == "districts" || s[0] == "departments" || s[0] == "city_leaders" || s[0] == "projects" ||
                 s[0] == "problems") && id(s[1])) ||
               (s[0] == "published_rankings" && month(s[1]));
    if (s.size() == 3)
        return s[0] == "task_force" && s[1] == "roles" && id(s[2]);
    if (s.size() == 4 && s[0] == "projects" && id(s[1]))
        return (s[2] == "milestones" && id(s[3])) || (s[2] == "reports" && month(s[3]));
    if (s.size() == 4 && s[0] == "problems" && id(s[1]))
        return s[2] == "history" && id(s[3]);
    return false;
}

RecordStamp TakeStamp(json& object)
{
    RecordStamp stamp;
    if (object.contains("rev") && object["rev"].is_number_integer())
        stamp.revision = object["rev"].get<int64_t>();
    if (object.contains("modified_by") && object["modified_by"].is_string())
        stamp.modified_by = object["modified_by"].get<std::string>();
    if (object.contains("modified_at") && object["modified_at"].is_string())
        stamp.modified_at = object["modified_at"].get<std::string>();
    object.erase("rev");
    object.erase("modified_by");
    object.erase("modified_at");
    return stamp;
}

void PutStamp(json& object, const RecordStamp& stamp)
{
    object["rev"] = stamp.revision;
    if (!stamp.modified_by.empty())
        object["modified_by"] = stamp.modified_by;
    if (!stamp.modified_at.empty())
        object["modified_at"] = stamp.modified_at;
}

// Adds a list's records; `key_member` names the record within the list ("id", or "month").
void FlattenList(Flat& flat, const json& array, const std::string& list, const char* key_member,
                 const std::vector<std::string>& children)
{
    std::vector<std::string>& order = flat.lists[list];
    if (!array.is_array())
        return;
    for (const json& element : array) {
        json fields = element;
        std::string key = list + "/" + fields.value(key_member, std::string());
        fields.erase(key_member);
        FlatRecord record;
        record.stamp = TakeStamp(fields);
        for (const std::string& child : children) {
            const char* child_key = child == "reports" ? "month" : "id";
            FlattenList(flat, fields.contains(child) ? fields[child] : json::array(), key + "/" + child, child_key, {});
            fields.erase(child);
        }
        if (list == "problems")
            fields.erase("state");  // derived from the history, which is merged action by action
        record.fields = std::move(fields);
        flat.records[key] = std::move(record);
        order.push_back(key);
    }
}

Flat Flatten(const Ledger& ledger)
{
    json doc = json::parse(SaveLedger(ledger));
    Flat flat;
    FlatRecord top_extras;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        bool known = false;
        for (const char* k : kKnownTop)
            known = known || it.key() == k;
        if (!known)
            top_extras.fields[it.key()] = it.value();
    }
    for (const char* k : {"format", "format_version", "ledger_id", "revision", "sharing"})
        if (doc.contains(k))
            flat.top[k] = doc[k];
    flat.records["ledger"] = std::move(top_extras);

    FlatRecord meta;
    meta.fields = doc["meta"];
    meta.stamp = TakeStamp(meta.fields);
    flat.records["meta"] = std::move(meta);

    FlatRecord task_force;
    task_force.fields = doc["task_force"];
    FlattenList(flat, task_force.fields["roles"], "task_force/roles", "id", {});
    task_force.fields.erase("roles");
    flat.records["task_force"] = std::move(task_force);

    FlattenList(flat, doc["districts"], "districts", "id", {});
    FlattenList(flat, doc["departments"], "departments", "id", {});
    FlattenList(flat, doc["city_leaders"], "city_leaders", "id", {});
    FlattenList(flat, doc["projects"], "projects", "id", {"milestones", "reports"});
    FlattenList(flat, doc["problems"], "problems", "id", {"history"});
    // One record per month, so that two copies publishing different months merge without conflict.
    FlattenList(flat, doc.contains("published_rankings") ? doc["published_rankings"] : json::array(),
                "published_rankings", "month", {});

    FlatRecord settings;
    for (auto it = doc["settings"].begin(); it != doc["settings"].end(); ++it) {
        bool group = false;
        for (const char* g : kSettingsGroups)
            group = group || (it.key() == g && it.value().is_object());
        if (group)
            for (auto m = it.value().begin(); m != it.value().end(); ++m)
                settings.fields[it.key() + "." + m.key()] = m.value();
        else
            settings.fields[it.key()] = it.value();
    }
    flat.records["settings"] = std::move(settings);
    return flat;
}

json RecordObject(const Flat& flat, const std::string& key, const char* key_member)
{
    const FlatRecord& r = flat.records.at(key);
    json object = r.fields;
    if (key_member) {
        std::string last = LastSegment(key);
        object[key_member] = last;
    }
    if (HasStamp(key))
        PutStamp(object, r.stamp);
    return object;
}

json ListArray(const Flat& flat, const std::string& list, const char* key_member)
{
    json array = json::array();
    auto it = flat.lists.find(list);
    if (it == flat.lists.end())
        return array;
    for (const std::string& key : it->second)
        array.push_back(RecordObject(flat, key, key_member));
    return array;
}

// The state a history leads to, from its JSON (nothing when a step is illegal or unreadable).
std::optional<ProblemState> StateOfHistory(const json& history)
{
    std::vector<ProblemAction> actions;
    for (const json& a : history) {
        std::optional<ActionKind> kind = ParseActionKind(a.value("kind", std::string()));
        if (!kind)
            return std::nullopt;
        ProblemAction action;
        action.kind = *kind;
        actions.push_back(action);
    }
    return StateAfter(actions);
}

json Unflatten(const Flat& flat)
{
    json doc = json::object();
    for (const char* k : {"format", "format_version", "ledger_id", "revision"})
        doc[k] = flat.top.at(k);
    doc["meta"] = RecordObject(flat, "meta", nullptr);
    json task_force = flat.records.at("task_force").fields;
    task_force["roles"] = ListArray(flat, "task_force/roles", "id");
    doc["task_force"] = task_force;
    doc["districts"] = ListArray(flat, "districts", "id");
    doc["departments"] = ListArray(flat, "departments", "id");
    doc["city_leaders"] = ListArray(flat, "city_leaders", "id");
    json projects = json::array();
    for (const std::string& key : flat.lists.at("projects")) {
        json p = RecordObject(flat, key, "id");
        p["milestones"] = ListArray(flat, key + "/milestones", "id");
        p["reports"] = ListArray(flat, key + "/reports", "month");
        projects.push_back(std::move(p));
    }
    doc["projects"] = std::move(projects);
    json problems = json::array();
    for (const std::string& key : flat.lists.at("problems")) {
        json p = RecordObject(flat, key, "id");
        p["history"] = ListArray(flat, key + "/history", "id");
        std::optional<ProblemState> state = StateOfHistory(p["history"]);
        // An unreachable state is left for the loader to report on the history.
        p["state"] = state ? ToJsonText(*state) : "assigned";
        problems.push_back(std::move(p));
    }
    doc["problems"] = std::move(problems);
    json settings = json::object();
    for (auto it = flat.records.at("settings").fields.begin(); it != flat.records.at("settings").fields.end(); ++it) {
        std::size_t dot = it.key().find('.');
        bool grouped = false;
        if (dot != std::string::npos)
            for (const char* g : kSettingsGroups)
                grouped = grouped || it.key().compare(0, dot, g) == 0 && std::string(g).size() == dot;
        if (grouped)
            settings[it.key().substr(0, dot)][it.key().substr(dot + 1)] = it.value();
        else
            settings[it.key()] = it.value();
    }
    doc["settings"] = std::move(settings);
    for (auto it = flat.records.at("ledger").fields.begin(); it != flat.records.at("ledger").fields.end(); ++it)
        doc[it.key()] = it.value();
    if (flat.top.contains("sharing"))
        doc["sharing"] = flat.top["sharing"];
    // In month order, as the loader wants them, whichever side added which month.
    json published = ListArray(flat, "published_rankings", "month");
    std::sort(published.begin(), published.end(),
              [](const json& a, const json& b) { return a.value("month", "") < b.value("month", ""); });
    if (!published.empty())
        doc["published_rankings"] = std::move(published);
    return doc;
}

// Puts a flat ledger back together through the loader; errors when it would not load.
std::optional<Ledger> Rebuild(const Flat& flat, std::vector<Diagnostic>& errors)
{
    LoadResult loaded = LoadLedger(Unflatten(flat).dump());
    if (loaded.ok())
        return std::move(*loaded.ledger);
    for (Diagnostic& d : loaded.errors) {
        d.message_zh = "合并后的台账无效：" + d.message_zh;
        d.message_en = "the merged ledger would be invalid: " + d.message_en;
        errors.push_back(std::move(d));
    }
    return std::nullopt;
}

json FieldOf(const Flat& flat, const std::string& record, const std::string& field)
{
    auto it = flat.records.find(record);
    if (it == flat.records.end() || !it->second.fields.contains(field))
        return nullptr;
    return it->second.fields[field];
}

void SetFieldValue(Flat& flat, const std::string& record, const std::string& field, const json& value)
{
    json& fields = flat.records[record].fields;
    if (value.is_null())
        fields.erase(field);
    else
        fields[field] = value;
}

// Removes a record and everything under it.
void EraseRecord(Flat& flat, const std::string& record)
{
    std::vector<std::string>& list = flat.lists[ListOf(record)];
    list.erase(std::remove(list.begin(), list.end(), record), list.end());
    std::string prefix = record + "/";
    for (auto it = flat.records.begin(); it != flat.records.end();)
        it = (it->first == record || it->first.compare(0, prefix.size(), prefix) == 0) ? flat.records.erase(it) : ++it;
    for (auto it = flat.lists.begin(); it != flat.lists.end();)
        it = it->first.compare(0, prefix.size(), prefix) == 0 ? flat.lists.erase(it) : ++it;
}

// Where a new record goes: after its anchor (the base record before it in the package's copy),
// past the records that are not base records and sort before it. Inserting several records at
// one anchor so gives the same list in whatever order they come. Reports go in month order.
void InsertRecord(Flat& flat, const std::string& record, const std::string& after, const std::string& before)
{
    std::vector<std::string>& list = flat.lists[ListOf(record)];
    std::size_t pos = 0;
    bool reports = ListOf(record).size() > 8 && LastSegment(ListOf(record)) == "reports";
    if (reports) {
        while (pos < list.size() && list[pos] < record)
            ++pos;
    } else {
        if (!after.empty()) {
            auto it = std::find(list.begin(), list.end(), after);
            pos = it == list.end() ? list.size() : static_cast<std::size_t>(it - list.begin()) + 1;
        }
        while (pos < list.size() && list[pos] != before && list[pos] < record)
            ++pos;
    }
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(pos), record);
}

// Combines a package's record stamp into the ledger's: the highest rev, the latest modified_at
// (then modified_by). Commutative and idempotent, so imports in any order, or twice, agree.
void JoinStamp(RecordStamp& into, const RecordStamp& other)
{
    into.revision = std::max(into.revision, other.revision);
    if (std::tie(other.modified_at, other.modified_by) > std::tie(into.modified_at, into.modified_by)) {
        into.modified_at = other.modified_at;
        into.modified_by = other.modified_by;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Packages: making, saving, loading
//-----------------------------------------------------------------------------

const char* OpText(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Set: return "set";
    case ChangeOp::Add: return "add";
    case ChangeOp::Delete: return "delete";
    }
    return "set";
}

json ChangeToJson(const RecordChange& c)
{
    json j = json::object();
    j["op"] = OpText(c.op);
    j["record"] = c.record;
    if (c.op == ChangeOp::Set) {
        j["field"] = c.field;
        j["base"] = c.base;
        j["value"] = c.value;
    } else if (c.op == ChangeOp::Add) {
        j["value"] = c.value;
        j["after"] = c.after;
        j["before"] = c.before;
    } else {
        j["base"] = c.base;
    }
    PutStamp(j, c.stamp);
    return j;
}

std::string Fnv1aHex(const std::string& text)
{
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : text) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// Derived from what the package says, not from when it was written: exporting the same changes
// again gives the same ID, so importing it again is recognised.
std::string PackageIdOf(const ReportPackage& p)
{
    json content = {{"ledger_id", p.ledger_id}, {"unit_id", p.unit_id}, {"base_revision", p.base_revision}};
    json changes = json::array();
    for (const RecordChange& c : p.changes)
        changes.push_back(ChangeToJson(c));
    content["changes"] = std::move(changes);
    return (p.unit_id.empty() ? std::string("ledger") : p.unit_id) + "-r" + std::to_string(p.base_revision) + "-" +
           Fnv1aHex(content.dump());
}

// Previous / next base record of `key` in `list` of the copy (for placing a new record).
void Neighbours(const std::vector<std::string>& list, std::size_t index, const Flat& base, std::string& after,
                std::string& before)
{
    after.clear();
    before.clear();
    for (std::size_t i = index; i-- > 0;)
        if (base.records.count(list[i])) {
            after = list[i];
            break;
        }
    for (std::size_t i = index + 1; i < list.size(); ++i)
        if (base.records.count(list[i])) {
            before = list[i];
            break;
        }
}

std::vector<RecordChange> Diff(const Flat& base, const Flat& current)
{
    std::vector<RecordChange> changes;
    std::map<std::string, std::pair<std::string, std::string>> anchors;
    for (const auto& [list, keys] : current.lists)
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (!base.records.count(keys[i]))
                Neighbours(keys, i, base, anchors[keys[i]].first, anchors[keys[i]].second);

    auto b = base.records.begin();
    auto c = current.records.begin();
    while (b != base.records.end() || c != current.records.end()) {
        if (c != current.records.end() && (b == base.records.end() || c->first < b->first)) {
            RecordChange add;
            add.op = ChangeOp::Add;
            add.record = c->first;
            add.value = c->second.fields;
            add.after = anchors[c->first].first;
            add.before = anchors[c->first].second;
            add.stamp = c->second.stamp;
            changes.push_back(std::move(add));
            ++c;
        } else if (c == current.records.end() || b->first < c->first) {
            // A record under one that is deleted too goes with it.
            std::string parent = ParentOf(b->first);
            if (parent.empty() || current.records.count(parent)) {
                RecordChange del;
                del.op = ChangeOp::Delete;
                del.record = b->first;
                del.base = b->second.fields;
                del.stamp = b->second.stamp;
                changes.push_back(std::move(del));
            }
            ++b;
        } else {
            std::set<std::string> names;
            for (auto it = b->second.fields.begin(); it != b->second.fields.end(); ++it)
                names.insert(it.key());
            for (auto it = c->second.fields.begin(); it != c->second.fields.end(); ++it)
                names.insert(it.key());
            for (const std::string& name : names) {
                json bv = b->second.fields.contains(name) ? b->second.fields[name] : json(nullptr);
                json cv = c->second.fields.contains(name) ? c->second.fields[name] : json(nullptr);
                if (bv == cv)
                    continue;
                RecordChange set;
                set.op = ChangeOp::Set;
                set.record = c->first;
                set.field = name;
                set.base = std::move(bv);
                set.value = std::move(cv);
                set.stamp = c->second.stamp;
                changes.push_back(std::move(set));
            }
            ++b;
            ++c;
        }
    }
    return changes;
}

} // namespace

ReportPackage MakePackage(const Ledger& base, const Ledger& current, const std::string& unit_id,
                          const std::string& exported_by, const std::string& exported_at,
                          std::vector<Diagnostic>* errors)
{
    ReportPackage p;
    p.ledger_id = current.ledger_id;
    p.base_revision = base.revision;
    p.revision = current.revision;
    p.unit_id = unit_id;
    p.exported_by = exported_by;
    p.exported_at = exported_at;
    if (base.ledger_id != current.ledger_id) {
        if (errors)
            errors->push_back(Diag("ledger_id", "基础台账与当前台账不是同一本台账（ledger_id " + QuoteForMessage(base.ledger_id) +
                                                    " 与 " + QuoteForMessage(current.ledger_id) + "）",
                                   "the base and the current ledger are not copies of one ledger (ledger_id " +
                                       QuoteForMessage(base.ledger_id) + " vs " + QuoteForMessage(current.ledger_id) + ")"));
        return p;
    }
    p.changes = Diff(Flatten(base), Flatten(current));
    p.package_id = PackageIdOf(p);
    return p;
}

std::string SavePackage(const ReportPackage& p)
{
    json j = json::object();
    j["format"] = kPackageFormatName;
    j["format_version"] = kPackageFormatVersion;
    j["package_id"] = p.package_id;
    j["ledger_id"] = p.ledger_id;
    j["base_revision"] = p.base_revision;
    j["revision"] = p.revision;
    j["unit_id"] = p.unit_id;
    j["exported_by"] = p.exported_by;
    j["exported_at"] = p.exported_at;
    json changes = json::array();
    for (const RecordChange& c : p.changes)
        changes.push_back(ChangeToJson(c));
    j["changes"] = std::move(changes);
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

struct JsonReader {
    std::vector<Diagnostic>& errors;

    bool Expect(const json& object, const std::string& path, const char* member, json::value_t type, bool required,
                const char* type_zh, const char* type_en)
    {
        std::string p = JoinPath(path, member);
        if (!object.contains(member)) {
            if (required)
                errors.push_back(MissingFieldMessage(p));
            return false;
        }
        const json& v = object[member];
        bool ok = type == json::value_t::number_integer ? v.is_number_integer() : v.type() == type;
        if (!ok)
            errors.push_back(Diag(p, std::string("应为") + type_zh, std::string("expected ") + type_en));
        return ok;
    }
    std::string String(const json& o, const std::string& path, const char* m, bool required = true)
    {
        return Expect(o, path, m, json::value_t::string, required, "字符串", "a string") ? o[m].get<std::string>()
                                                                                         : std::string();
    }
    int64_t Integer(const json& o, const std::string& path, const char* m, bool required = true)
    {
        if (!Expect(o, path, m, json::value_t::number_integer, required, "整数", "an integer"))
            return 0;
        int64_t v = o[m].get<int64_t>();
        if (v < 0) {
            errors.push_back(IntegerAtLeastMessage(JoinPath(path, m), 0, std::to_string(v)));
            return 0;
        }
        return v;
    }
};

std::optional<RecordChange> ReadChange(const json& j, const std::string& path, std::vector<Diagnostic>& errors)
{
    JsonReader r{errors};
    std::size_t before_count = errors.size();
    if (!j.is_object()) {
        errors.push_back(Diag(path, "应为对象", "expected an object"));
        return std::nullopt;
    }
    RecordChange c;
    std::string op = r.String(j, path, "op");
    if (op == "set")
        c.op = ChangeOp::Set;
    else if (op == "add")
        c.op = ChangeOp::Add;
    else if (op == "delete")
        c.op = ChangeOp::Delete;
    else if (j.contains("op") && j["op"].is_string())
        errors.push_back(Diag(JoinPath(path, "op"), "未知的值 " + QuoteForMessage(op) + "，应为 set、add、delete 之一",
                              "unknown value " + QuoteForMessage(op) + "; expected one of set, add, delete"));
    c.record = r.String(j, path, "record");
    if (j.contains("record") && j["record"].is_string() && !IsValidRecordKey(c.record))
        errors.push_back(Diag(JoinPath(path, "record"), "无法识别的记录 " + QuoteForMessage(c.record),
                              "not a record of the ledger: " + QuoteForMessage(c.record)));
    if (c.op == ChangeOp::Set) {
        c.field = r.String(j, path, "field");
        if (j.contains("field") && j["field"].is_string() && c.field.empty())
            errors.push_back(Diag(JoinPath(path, "field"), "字段名不能为空", "the field name must not be empty"));
        if (!j.contains("base"))
            errors.push_back(MissingFieldMessage(JoinPath(path, "base")));
        if (!j.contains("value"))
            errors.push_back(MissingFieldMessage(JoinPath(path, "value")));
        c.base = j.value("base", json());
        c.value = j.value("value", json());
    } else if (c.op == ChangeOp::Add) {
        if (r.Expect(j, path, "value", json::value_t::object, true, "对象", "an object"))
            c.value = j["value"];
        c.after = r.String(j, path, "after", false);
        c.before = r.String(j, path, "before", false);
    } else {
        if (r.Expect(j, path, "base", json::value_t::object, true, "对象", "an object"))
            c.base = j["base"];
    }
    c.stamp.revision = r.Integer(j, path, "rev", false);
    c.stamp.modified_by = r.String(j, path, "modified_by", false);
    c.stamp.modified_at = r.String(j, path, "modified_at", false);
    if (errors.size() != before_count)
        return std::nullopt;
    return c;
}

} // namespace

PackageLoadResult LoadPackage(std::string_view bytes)
{
    PackageLoadResult result;
    json j;
    try {
        j = json::parse(bytes.begin(), bytes.end());
    } catch (const json::parse_error& e) {
        result.errors.push_back(Diag("", std::string("报送包不是有效的 JSON（第 ") + std::to_string(e.byte) + " 字节）",
                                     std::string("the package is not valid JSON (at byte ") + std::to_string(e.byte) + ")"));
        return result;
    }
    if (!j.is_object() || !j.contains("format") || j["format"] != kPackageFormatName) {
        std::string got = j.is_object() && j.contains("format") ? j["format"].dump() : std::string("(none)");
        result.errors.push_back(Diag("format", std::string("不是报送包：format 为 ") + got + "，应为 \"" + kPackageFormatName + "\"",
                                     std::string("not a report package: format is ") + got + ", expected \"" +
                                         kPackageFormatName + "\""));
        return result;
    }
    if (!j.contains("format_version") || !j["format_version"].is_number_integer() ||
        j["format_version"].get<int64_t>() != kPackageFormatVersion) {
        std::string got = j.contains("format_version") ? j["format_version"].dump() : std::string("(none)");
        result.errors.push_back(Diag("format_version", "不支持的报送包版本 " + got + "，本程序只支持版本 1",
                                     "unsupported package version " + got + "; this program supports version 1 only"));
        return result;
    }
    JsonReader r{result.errors};
    ReportPackage p;
    p.ledger_id = r.String(j, "", "ledger_id");
    p.base_revision = r.Integer(j, "", "base_revision");
    p.revision = r.Integer(j, "", "revision", false);
    p.unit_id = r.String(j, "", "unit_id");
    p.exported_by = r.String(j, "", "exported_by", false);
    p.exported_at = r.String(j, "", "exported_at", false);
    if (r.Expect(j, "", "changes", json::value_t::array, true, "数组", "an array")) {
        const json& changes = j["changes"];
        for (std::size_t i = 0; i < changes.size(); ++i)
            if (std::optional<RecordChange> c = ReadChange(changes[i], IndexPath("changes", i), result.errors))
                p.changes.push_back(std::move(*c));
    }
    if (!result.errors.empty())
        return result;
    // Parents before children, whatever order the file gave.
    std::stable_sort(p.changes.begin(), p.changes.end(), [](const RecordChange& a, const RecordChange& b) {
        return std::tie(a.record, a.field) < std::tie(b.record, b.field);
    });
    p.package_id = PackageIdOf(p);
    result.package = std::move(p);
    return result;
}

//-----------------------------------------------------------------------------
// [SECTION] Sharing state in the ledger
//-----------------------------------------------------------------------------

namespace {

const char* PendingText(PendingKind k)
{
    switch (k) {
    case PendingKind::Refused: return "refused";
    case PendingKind::Deletion: return "deletion";
    case PendingKind::Orphan: return "orphan";
    }
    return "refused";
}

json SideToJson(const ConflictSide& s)
{
    return json{{"package_id", s.package_id}, {"unit_id", s.unit_id},         {"base", s.base},
                {"value", s.value},           {"modified_by", s.modified_by}, {"modified_at", s.modified_at}};
}

bool ConflictOrder(const MergeConflict& a, const MergeConflict& b)
{
    return std::tie(a.record, a.field) < std::tie(b.record, b.field);
}

bool PendingOrder(const PendingChange& a, const PendingChange& b)
{
    return std::make_tuple(a.change.record, a.change.field, a.package_id, static_cast<int>(a.kind)) <
           std::make_tuple(b.change.record, b.change.field, b.package_id, static_cast<int>(b.kind));
}

} // namespace

json ConflictToJson(const MergeConflict& c)
{
    json theirs = json::array();
    for (const ConflictSide& s : c.theirs)
        theirs.push_back(SideToJson(s));
    return json{{"record", c.record}, {"field", c.field}, {"base", c.base}, {"mine", c.mine}, {"theirs", theirs}};
}

json PendingToJson(const PendingChange& p)
{
    return json{{"kind", PendingText(p.kind)}, {"package_id", p.package_id}, {"unit_id", p.unit_id},
                {"reason_zh", p.reason_zh},    {"reason_en", p.reason_en},   {"change", ChangeToJson(p.change)}};
}

namespace {

ConflictSide ReadSide(JsonReader& r, const json& t, const std::string& path)
{
    ConflictSide side;
    if (!t.is_object()) {
        r.errors.push_back(Diag(path, "应为对象", "expected an object"));
        return side;
    }
    side.package_id = r.String(t, path, "package_id");
    side.unit_id = r.String(t, path, "unit_id", false);
    side.base = t.value("base", json());
    side.value = t.value("value", json());
    side.modified_by = r.String(t, path, "modified_by", false);
    side.modified_at = r.String(t, path, "modified_at", false);
    return side;
}

} // namespace

SharingState ReadSharing(const Ledger& ledger, std::vector<Diagnostic>* errors)
{
    SharingState s;
    std::vector<Diagnostic> local;
    std::vector<Diagnostic>& errs = errors ? *errors : local;
    if (!ledger.extra.is_object() || !ledger.extra.contains("sharing"))
        return s;
    const json& j = ledger.extra["sharing"];
    if (!j.is_object()) {
        errs.push_back(Diag("sharing", "应为对象", "expected an object"));
        return s;
    }
    JsonReader r{errs};
    auto each = [&](const char* list, auto&& read) {
        if (!j.contains(list))
            return;
        if (!j[list].is_array()) {
            errs.push_back(Diag(JoinPath("sharing", list), "应为数组", "expected an array"));
            return;
        }
        for (std::size_t i = 0; i < j[list].size(); ++i) {
            const json& e = j[list][i];
            std::string path = IndexPath(JoinPath("sharing", list), i);
            if (!e.is_object())
                errs.push_back(Diag(path, "应为对象", "expected an object"));
            else
                read(e, path);
        }
    };
    each("imports", [&](const json& e, const std::string& path) {
        ImportedPackage p;
        p.package_id = r.String(e, path, "package_id");
        p.unit_id = r.String(e, path, "unit_id");
        p.base_revision = r.Integer(e, path, "base_revision", false);
        p.exported_by = r.String(e, path, "exported_by", false);
        p.exported_at = r.String(e, path, "exported_at", false);
        s.imports.push_back(std::move(p));
    });
    each("imported", [&](const json& e, const std::string& path) {
        ImportedField f;
        f.record = r.String(e, path, "record");
        f.field = r.String(e, path, "field");
        f.before = e.value("before", json());
        f.value = e.value("value", json());
        if (r.Expect(e, path, "sources", json::value_t::array, true, "数组", "an array"))
            for (std::size_t i = 0; i < e["sources"].size(); ++i)
                f.sources.push_back(ReadSide(r, e["sources"][i], IndexPath(JoinPath(path, "sources"), i)));
        s.imported.push_back(std::move(f));
    });
    each("conflicts", [&](const json& e, const std::string& path) {
        MergeConflict c;
        c.record = r.String(e, path, "record");
        c.field = r.String(e, path, "field");
        c.base = e.value("base", json());
        c.mine = e.value("mine", json());
        if (r.Expect(e, path, "theirs", json::value_t::array, true, "数组", "an array"))
            for (std::size_t i = 0; i < e["theirs"].size(); ++i)
                c.theirs.push_back(ReadSide(r, e["theirs"][i], IndexPath(JoinPath(path, "theirs"), i)));
        s.conflicts.push_back(std::move(c));
    });
    each("pending", [&](const json& e, const std::string& path) {
        PendingChange p;
        std::string kind = r.String(e, path, "kind");
        if (kind == "deletion")
            p.kind = PendingKind::Deletion;
        else if (kind == "orphan")
            p.kind = PendingKind::Orphan;
        else if (kind == "refused")
            p.kind = PendingKind::Refused;
        else
            errs.push_back(Diag(JoinPath(path, "kind"), "未知的值 " + QuoteForMessage(kind),
                                "unknown value " + QuoteForMessage(kind) + "; expected refused, deletion or orphan"));
        p.package_id = r.String(e, path, "package_id");
        p.unit_id = r.String(e, path, "unit_id", false);
        p.reason_zh = r.String(e, path, "reason_zh", false);
        p.reason_en = r.String(e, path, "reason_en", false);
        if (e.contains("change")) {
            if (std::optional<RecordChange> c = ReadChange(e["change"], JoinPath(path, "change"), errs))
                p.change = std::move(*c);
        } else {
            errs.push_back(MissingFieldMessage(JoinPath(path, "change")));
        }
        s.pending.push_back(std::move(p));
    });
    return s;
}

void WriteSharing(Ledger& ledger, const SharingState& state)
{
    if (!ledger.extra.is_object())
        ledger.extra = json::object();
    if (state.empty()) {
        ledger.extra.erase("sharing");
        return;
    }
    json j = json::object();
    json imports = json::array();
    for (const ImportedPackage& p : state.imports)
        imports.push_back(json{{"package_id", p.package_id}, {"unit_id", p.unit_id}, {"base_revision", p.base_revision},
                               {"exported_by", p.exported_by}, {"exported_at", p.exported_at}});
    json imported = json::array();
    for (const ImportedField& f : state.imported)
    {
        json sources = json::array();
        for (const ConflictSide& side : f.sources)
            sources.push_back(SideToJson(side));
        imported.push_back(json{{"record", f.record}, {"field", f.field}, {"before", f.before}, {"value", f.value},
                                {"sources", std::move(sources)}});
    }
    json conflicts = json::array();
    for (const MergeConflict& c : state.conflicts)
        conflicts.push_back(ConflictToJson(c));
    json pending = json::array();
    for (const PendingChange& p : state.pending)
        pending.push_back(PendingToJson(p));
    j["imports"] = std::move(imports);
    j["imported"] = std::move(imported);
    j["conflicts"] = std::move(conflicts);
    j["pending"] = std::move(pending);
    ledger.extra["sharing"] = std::move(j);
}

//-----------------------------------------------------------------------------
// [SECTION] Ownership
//-----------------------------------------------------------------------------

namespace {

// The fields of a project that make up the plan: the office's, whoever serves the project.
const char* const kOfficeProjectFields[] = {
    "code", "name", "category", "district_id", "owner_unit", "content", "start_year", "planned_completion",
    "city_leader_id", "department_id", "total_investment_wan", "completed_before_year_wan", "plan_wan",
    "funds_required_wan", "completion_target"};
// Of a milestone, the plan is its name and planned date (倒排计划); `actual` is the department's.
const char* const kOfficeMilestoneFields[] = {"name", "planned"};

bool Listed(const char* const* begin, const char* const* end, const std::string& field)
{
    return std::any_of(begin, end, [&](const char* f) { return field == f; });
}

} // namespace

std::string OwnerOf(const Ledger& ledger, const std::string& record)
{
    std::vector<std::string> s = Segments(record);
    if (s.size() < 2 || (s[0] != "projects" && s[0] != "problems"))
        return "";
    const char* kind = s[0] == "projects" ? "project" : "problem";
    const json& rules = ledger.settings.extra.is_object() && ledger.settings.extra.contains("ownership")
                            ? ledger.settings.extra["ownership"]
                            : json();
    if (rules.is_array())
        for (const json& rule : rules)
            if (rule.is_object() && rule.value("kind", "") == kind && rule.value("id", "") == s[1] &&
                rule.contains("unit_id") && rule["unit_id"].is_string())
                return rule["unit_id"].get<std::string>();
    if (s[0] == "projects") {
        const Project* p = FindProject(ledger, s[1]);
        return p ? p->department_id : "";
    }
    for (const Problem& p : ledger.problems)
        if (p.id == s[1])
            return p.responsible_unit_id;
    return "";
}

bool MayChange(const Ledger& ledger, const std::string& unit_id, const RecordChange& change, std::string* why_zh,
               std::string* why_en)
{
    auto refuse = [&](std::string zh, std::string en) {
        if (why_zh)
            *why_zh = std::move(zh);
        if (why_en)
            *why_en = std::move(en);
        return false;
    };
    if (unit_id.empty() || change.op == ChangeOp::Delete)
        return true;  // a whole-ledger merge; deletions are reviewed whoever sends them
    std::vector<std::string> s = Segments(change.record);
    if (s.size() < 2 || (s[0] != "projects" && s[0] != "problems"))
        return refuse("此记录由办公室维护，部门报送不能修改", "this record is kept by the office; a department's package may not change it");
    bool project = s[0] == "projects";
    bool exists = project ? FindProject(ledger, s[1]) != nullptr
                          : std::any_of(ledger.problems.begin(), ledger.problems.end(),
                                        [&](const Problem& p) { return p.id == s[1]; });
    if (!exists)
        return refuse(project ? "新增项目由办公室确定" : "交办问题由办公室交办",
                      project ? "only the office adds projects" : "only the office assigns problems");
    std::string owner = OwnerOf(ledger, change.record);
    // "市交通局 (dep-jtj)" where the ledger knows the unit.
    auto unit_name = [&](const std::string& id, bool zh) {
        std::string name;
        if (const Department* d = FindDepartment(ledger, id))
            name = d->name;
        else if (const District* d = FindDistrict(ledger, id))
            name = d->name;
        return name.empty() ? id : zh ? name + "（" + id + "）" : name + " (" + id + ")";
    };
    if (owner != unit_id)
        return refuse(std::string(project ? "项目 " : "问题 ") + s[1] + " 由" + unit_name(owner, true) + "负责，本报送包来自" +
                          unit_name(unit_id, true),
                      std::string(project ? "project " : "problem ") + s[1] + " belongs to " + unit_name(owner, false) +
                          "; this package is from " + unit_name(unit_id, false));
    const bool whole = s.size() == 2;
    if (project && whole && Listed(std::begin(kOfficeProjectFields), std::end(kOfficeProjectFields), change.field))
        return refuse("计划和目标（" + change.field + "）由办公室掌握", "plans and targets (" + change.field + ") are the office's");
    if (project && s.size() == 4 && s[2] == "milestones") {
        if (change.op == ChangeOp::Add)
            return refuse("时间节点计划由办公室确定", "milestones are part of the office's plan");
        if (Listed(std::begin(kOfficeMilestoneFields), std::end(kOfficeMilestoneFields), change.field))
            return refuse("时间节点计划（" + change.field + "）由办公室确定",
                          "the milestone plan (" + change.field + ") is the office's");
    }
    if (!project && whole)
        return refuse("交办内容由办公室确定，部门以签收、反馈作答", "what was assigned is the office's; the department answers by accepting and feedback");
    if (!project && s.size() == 4) {
        std::string kind;
        if (change.op == ChangeOp::Add)
            kind = change.value.value("kind", "");
        else
            for (const Problem& p : ledger.problems)
                if (p.id == s[1])
                    for (const ProblemAction& a : p.history)
                        if (a.id == s[3])
                            kind = ToJsonText(a.kind);
        if (change.op == ChangeOp::Set && change.field == "kind")
            kind = change.value.is_string() ? change.value.get<std::string>() : std::string();
        if (kind != "accept" && kind != "feedback")
            return refuse("交办、督查、销号和退回重办由办公室办理", "assigning, supervising, closing out and reopening are the office's");
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Import: field by field
//-----------------------------------------------------------------------------

namespace {

struct Importer {
    Flat& flat;
    SharingState& state;
    ImportSummary& summary;
    const ReportPackage& package;
    bool changed = false;

    ImportedField* FindImported(const std::string& record, const std::string& field)
    {
        for (ImportedField& f : state.imported)
            if (f.record == record && f.field == field)
                return &f;
        return nullptr;
    }
    MergeConflict* FindConflict(const std::string& record, const std::string& field)
    {
        for (MergeConflict& c : state.conflicts)
            if (c.record == record && c.field == field)
                return &c;
        return nullptr;
    }

    ConflictSide Side(const RecordChange& change, const json& value) const
    {
        return ConflictSide{package.package_id, package.unit_id, change.base, value, change.stamp.modified_by,
                            change.stamp.modified_at};
    }

    // With no value of the office's own, the ledger holds the latest package's value until the office
    // chooses (latest modified_at, then the greater package ID): the same whatever the import order.
    static json Winner(const MergeConflict& c)
    {
        const ConflictSide* best = nullptr;
        for (const ConflictSide& s : c.theirs)
            if (!best || std::tie(s.modified_at, s.package_id) > std::tie(best->modified_at, best->package_id))
                best = &s;
        return best ? best->value : json();
    }

    static void SortConflict(MergeConflict& c)
    {
        std::sort(c.theirs.begin(), c.theirs.end(),
                  [](const ConflictSide& a, const ConflictSide& b) { return a.package_id < b.package_id; });
        if (!c.theirs.empty())
            c.base = c.theirs.front().base;
    }

    void NoteApplied(const std::string& record, const std::string& field, const json& value)
    {
        summary.applied.push_back(AppliedChange{record, field, value});
        changed = true;
    }

    // One field: see docs/ledger-format.md §14 "Importing" for the rules, in this order.
    void SetField(const RecordChange& change, const std::string& field, const json& base, const json& value)
    {
        const std::string& record = change.record;
        json current = FieldOf(flat, record, field);
        RecordChange side_change = change;
        side_change.base = base;
        if (MergeConflict* c = FindConflict(record, field)) {
            bool listed = std::any_of(c->theirs.begin(), c->theirs.end(),
                                      [&](const ConflictSide& s) { return s.package_id == package.package_id; });
            if (listed || (!c->mine.is_null() && value == c->mine)) {
                ++summary.unchanged;
                return;
            }
            c->theirs.push_back(Side(side_change, value));
            SortConflict(*c);
            if (c->mine.is_null())
                SetFieldValue(flat, record, field, Winner(*c));
            changed = true;
            return;
        }
        ImportedField* imported = FindImported(record, field);
        if (imported && current != imported->value) {
            // The office changed the field after it was imported: its value is its own now.
            state.imported.erase(state.imported.begin() + (imported - state.imported.data()));
            imported = nullptr;
            changed = true;
        }
        if (imported) {
            if (value == imported->value) {
                if (std::none_of(imported->sources.begin(), imported->sources.end(),
                                 [&](const ConflictSide& s) { return s.package_id == package.package_id; })) {
                    imported->sources.push_back(Side(side_change, value));
                    std::sort(imported->sources.begin(), imported->sources.end(),
                              [](const ConflictSide& a, const ConflictSide& b) { return a.package_id < b.package_id; });
                    changed = true;
                }
                ++summary.unchanged;
                return;
            }
            // Packages disagree: none wins; the office's value before them comes back.
            MergeConflict c;
            c.record = record;
            c.field = field;
            c.mine = imported->before;
            c.theirs = imported->sources;
            c.theirs.push_back(Side(side_change, value));
            SortConflict(c);
            SetFieldValue(flat, record, field, c.mine.is_null() ? Winner(c) : c.mine);
            state.imported.erase(state.imported.begin() + (imported - state.imported.data()));
            state.conflicts.push_back(std::move(c));
            changed = true;
            return;
        }
        if (current == value) {
            ++summary.unchanged;
            return;
        }
        if (current == base) {
            SetFieldValue(flat, record, field, value);
            state.imported.push_back(ImportedField{record, field, current, value, {Side(side_change, value)}});
            NoteApplied(record, field, value);
            return;
        }
        MergeConflict c;
        c.record = record;
        c.field = field;
        c.mine = current;
        c.theirs.push_back(Side(side_change, value));
        SortConflict(c);
        if (c.mine.is_null())
            SetFieldValue(flat, record, field, Winner(c));
        state.conflicts.push_back(std::move(c));
        changed = true;
    }

    void Hold(PendingKind kind, const RecordChange& change, std::string zh, std::string en)
    {
        PendingChange p{kind, package.package_id, package.unit_id, change, std::move(zh), std::move(en)};
        (kind == PendingKind::Deletion ? summary.deletions : summary.refused).push_back(p);
        for (const PendingChange& q : state.pending)
            if (q.package_id == p.package_id && q.kind == p.kind && q.change.record == p.change.record &&
                q.change.field == p.change.field)
                return;
        state.pending.push_back(std::move(p));
        changed = true;
    }

    void Apply(const RecordChange& change)
    {
        const std::string& record = change.record;
        bool exists = flat.records.count(record) > 0;
        if (change.op == ChangeOp::Delete) {
            if (!exists)
                ++summary.unchanged;
            else
                Hold(PendingKind::Deletion, change, "删除记录须由办公室审核", "a deletion waits for the office's review");
            return;
        }
        if (change.op == ChangeOp::Set) {
            if (!exists) {
                Hold(PendingKind::Orphan, change, "本台账已没有这条记录", "this ledger no longer has the record");
                return;
            }
            SetField(change, change.field, change.base, change.value);
            if (HasStamp(record))
                JoinStamp(flat.records[record].stamp, change.stamp);
            return;
        }
        // Add
        std::string parent = ParentOf(record);
        if (!exists) {
            if (!parent.empty() && !IsSingleton(parent) && !flat.records.count(parent)) {
                Hold(PendingKind::Orphan, change, "本台账已没有它所属的记录", "this ledger no longer has the record it belongs to");
                return;
            }
            FlatRecord r;
            r.fields = change.value;
            r.stamp = change.stamp;
            flat.records[record] = std::move(r);
            InsertRecord(flat, record, change.after, change.before);
            for (auto it = change.value.begin(); it != change.value.end(); ++it)
                state.imported.push_back(ImportedField{record, it.key(), nullptr, it.value(), {Side(change, it.value())}});
            added.push_back(record);
            NoteApplied(record, "", change.value);
            return;
        }
        // Both sides have a record of this ID: field by field, from no value.
        for (auto it = change.value.begin(); it != change.value.end(); ++it)
            SetField(change, it.key(), nullptr, it.value());
        if (HasStamp(record))
            JoinStamp(flat.records[record].stamp, change.stamp);
    }

    // A problem whose history the package added to must still follow the lifecycle; otherwise the
    // package's new actions for it are held back for the office.
    void CheckHistories()
    {
        std::set<std::string> problems;
        for (const std::string& r : added)
            if (r.compare(0, 9, "problems/") == 0 && Segments(r).size() == 4)
                problems.insert(ParentOf(r));
        for (const std::string& problem : problems) {
            json history = ListArray(flat, problem + "/history", "id");
            std::optional<ProblemState> state_after = StateOfHistory(history);
            if (state_after)
                continue;
            for (const std::string& r : added) {
                if (ParentOf(r) != problem)
                    continue;
                RecordChange change;
                change.op = ChangeOp::Add;
                change.record = r;
                for (const RecordChange& c : package.changes)
                    if (c.record == r && c.op == ChangeOp::Add)
                        change = c;
                EraseRecord(flat, r);
                state.imported.erase(std::remove_if(state.imported.begin(), state.imported.end(),
                                                    [&](const ImportedField& f) { return f.record == r; }),
                                     state.imported.end());
                summary.applied.erase(std::remove_if(summary.applied.begin(), summary.applied.end(),
                                                     [&](const AppliedChange& a) { return a.record == r; }),
                                      summary.applied.end());
                Hold(PendingKind::Refused, change, "加上这条处理记录后，问题的处理过程不符合交办流程",
                     "with this action the problem's history would not follow the lifecycle");
            }
        }
    }

    std::vector<std::string> added;
};

void SortState(SharingState& s)
{
    std::sort(s.imports.begin(), s.imports.end(),
              [](const ImportedPackage& a, const ImportedPackage& b) { return a.package_id < b.package_id; });
    std::sort(s.imported.begin(), s.imported.end(), [](const ImportedField& a, const ImportedField& b) {
        return std::tie(a.record, a.field) < std::tie(b.record, b.field);
    });
    std::sort(s.conflicts.begin(), s.conflicts.end(), ConflictOrder);
    std::sort(s.pending.begin(), s.pending.end(), PendingOrder);
}

// Ledger with its sharing state updated; its revision is bumped when `bump`.
std::optional<Ledger> Finish(Flat& flat, SharingState& state, std::vector<Diagnostic>& errors, bool bump)
{
    SortState(state);
    flat.top.erase("sharing");
    std::optional<Ledger> ledger = Rebuild(flat, errors);
    if (!ledger)
        return std::nullopt;
    WriteSharing(*ledger, state);
    if (bump)
        ++ledger->revision;
    return ledger;
}

} // namespace

json SummaryToJson(const ImportSummary& s)
{
    json applied = json::array();
    for (const AppliedChange& a : s.applied)
        applied.push_back(json{{"record", a.record}, {"field", a.field}, {"value", a.value}});
    json conflicts = json::array();
    for (const MergeConflict& c : s.conflicts)
        conflicts.push_back(ConflictToJson(c));
    json refused = json::array();
    for (const PendingChange& p : s.refused)
        refused.push_back(PendingToJson(p));
    json deletions = json::array();
    for (const PendingChange& p : s.deletions)
        deletions.push_back(PendingToJson(p));
    return json{{"package_id", s.package_id}, {"unit_id", s.unit_id},     {"already_imported", s.already_imported},
                {"applied", applied},         {"unchanged", s.unchanged}, {"conflicts", conflicts},
                {"refused", refused},         {"deletions", deletions}};
}

ImportResult ImportPackage(const Ledger& ledger, const ReportPackage& package)
{
    ImportResult result;
    result.summary.package_id = package.package_id;
    result.summary.unit_id = package.unit_id;
    if (package.ledger_id != ledger.ledger_id) {
        result.errors.push_back(Diag("ledger_id", "报送包属于另一本台账（" + QuoteForMessage(package.ledger_id) + "），当前台账为 " +
                                                      QuoteForMessage(ledger.ledger_id),
                                     "the package belongs to another ledger (" + QuoteForMessage(package.ledger_id) +
                                         "); this ledger is " + QuoteForMessage(ledger.ledger_id)));
        return result;
    }
    SharingState state = ReadSharing(ledger, &result.errors);
    if (!result.errors.empty())
        return result;
    for (const ImportedPackage& p : state.imports)
        if (p.package_id == package.package_id) {
            result.summary.already_imported = true;
            result.ledger = ledger;
            return result;
        }
    Flat flat = Flatten(ledger);
    Importer importer{flat, state, result.summary, package};
    for (const RecordChange& change : package.changes) {
        std::string zh, en;
        if (!MayChange(ledger, package.unit_id, change, &zh, &en))
            importer.Hold(PendingKind::Refused, change, zh, en);
        else
            importer.Apply(change);
    }
    importer.CheckHistories();
    state.imports.push_back(ImportedPackage{package.package_id, package.unit_id, package.base_revision,
                                            package.exported_by, package.exported_at});
    for (const MergeConflict& c : state.conflicts)
        if (std::any_of(c.theirs.begin(), c.theirs.end(),
                        [&](const ConflictSide& s) { return s.package_id == package.package_id; }))
            result.summary.conflicts.push_back(c);
    std::sort(result.summary.conflicts.begin(), result.summary.conflicts.end(), ConflictOrder);
    result.ledger = Finish(flat, state, result.errors, true);
    result.changed = result.ledger.has_value();
    return result;
}

ImportResult MergeLedgers(const Ledger& base, const Ledger& mine, const Ledger& theirs)
{
    ImportResult result;
    if (base.ledger_id != mine.ledger_id || base.ledger_id != theirs.ledger_id) {
        result.errors.push_back(Diag("ledger_id", "三个文件不是同一本台账的副本（ledger_id 不同）",
                                     "the three files are not copies of one ledger (their ledger_id differ)"));
        return result;
    }
    ReportPackage package = MakePackage(base, theirs, "", "", "", &result.errors);
    if (!result.errors.empty())
        return result;
    return ImportPackage(mine, package);
}

std::map<std::string, json> LedgerRecords(const Ledger& ledger)
{
    std::map<std::string, json> out;
    for (auto& [key, record] : Flatten(ledger).records)
        out[key] = std::move(record.fields);
    return out;
}

json FieldValue(const Ledger& ledger, const std::string& record, const std::string& field)
{
    return FieldOf(Flatten(ledger), record, field);
}

std::string RecordLabel(const Ledger& ledger, const std::string& record)
{
    std::vector<std::string> s = Segments(record);
    std::string label;
    if (s[0] == "projects" && s.size() >= 2) {
        const Project* p = FindProject(ledger, s[1]);
        label = "项目 " + s[1] + (p ? " " + p->name : std::string());
        if (s.size() == 4)
            label += (s[2] == "reports" ? " › 月报 " : " › 时间节点 ") + s[3];
        return label;
    }
    if (s[0] == "problems" && s.size() >= 2) {
        label = "问题 " + s[1];
        if (s.size() == 4)
            label += " › 处理记录 " + s[3];
        return label;
    }
    if (record == "meta")
        return "台账信息";
    if (record == "settings")
        return "规则设置";
    if (record == "task_force")
        return "攻坚组";
    if (s[0] == "published_rankings" && s.size() == 2)
        return "已发布排名 " + s[1];
    return record;
}

//-----------------------------------------------------------------------------
// [SECTION] Decisions: conflicts and pending changes
//-----------------------------------------------------------------------------

ImportResult ResolveConflict(const Ledger& ledger, const EditContext& context, const std::string& record,
                             const std::string& field, int side)
{
    ImportResult result;
    SharingState state = ReadSharing(ledger, &result.errors);
    if (!result.errors.empty())
        return result;
    auto it = std::find_if(state.conflicts.begin(), state.conflicts.end(),
                           [&](const MergeConflict& c) { return c.record == record && c.field == field; });
    if (it == state.conflicts.end() || side < -1 || side >= static_cast<int>(it->theirs.size())) {
        result.errors.push_back(Diag(record + "." + field, "没有这个冲突", "there is no such conflict"));
        return result;
    }
    Flat flat = Flatten(ledger);
    if (side >= 0) {
        if (!flat.records.count(record)) {
            result.errors.push_back(Diag(record, "本台账已没有这条记录", "this ledger no longer has the record"));
            return result;
        }
        SetFieldValue(flat, record, field, it->theirs[static_cast<std::size_t>(side)].value);
        if (HasStamp(record)) {
            RecordStamp& stamp = flat.records[record].stamp;
            ++stamp.revision;
            stamp.modified_by = context.actor;
            stamp.modified_at = context.timestamp;
        }
    }
    state.conflicts.erase(it);
    state.imported.erase(std::remove_if(state.imported.begin(), state.imported.end(),
                                        [&](const ImportedField& f) { return f.record == record && f.field == field; }),
                         state.imported.end());
    result.ledger = Finish(flat, state, result.errors, true);
    result.changed = result.ledger.has_value();
    return result;
}

ImportResult DecidePending(const Ledger& ledger, const EditContext& context, std::size_t index, bool accept)
{
    ImportResult result;
    SharingState state = ReadSharing(ledger, &result.errors);
    if (!result.errors.empty())
        return result;
    if (index >= state.pending.size()) {
        result.errors.push_back(Diag("sharing.pending", "没有这一项", "there is no such pending change"));
        return result;
    }
    PendingChange item = state.pending[index];
    state.pending.erase(state.pending.begin() + static_cast<std::ptrdiff_t>(index));
    Flat flat = Flatten(ledger);
    if (accept) {
        if (item.kind == PendingKind::Deletion) {
            if (flat.records.count(item.change.record))
                EraseRecord(flat, item.change.record);
            std::string prefix = item.change.record + "/";
            auto under = [&](const std::string& r) { return r == item.change.record || r.compare(0, prefix.size(), prefix) == 0; };
            state.conflicts.erase(std::remove_if(state.conflicts.begin(), state.conflicts.end(),
                                                 [&](const MergeConflict& c) { return under(c.record); }),
                                  state.conflicts.end());
            state.imported.erase(std::remove_if(state.imported.begin(), state.imported.end(),
                                                [&](const ImportedField& f) { return under(f.record); }),
                                 state.imported.end());
        } else {
            ReportPackage as_package;
            as_package.package_id = item.package_id;
            as_package.unit_id = item.unit_id;
            as_package.changes.push_back(item.change);
            ImportSummary summary;
            Importer importer{flat, state, summary, as_package};
            importer.Apply(item.change);
            importer.CheckHistories();
            // Held back again (the record is gone): the office cannot accept it as it stands.
            if (!summary.refused.empty()) {
                result.errors.push_back(Diag(item.change.record, "无法接受：" + summary.refused.front().reason_zh,
                                             "cannot accept: " + summary.refused.front().reason_en));
                return result;
            }
            if (HasStamp(item.change.record) && flat.records.count(item.change.record)) {
                RecordStamp& stamp = flat.records[item.change.record].stamp;
                ++stamp.revision;
                stamp.modified_by = context.actor;
                stamp.modified_at = context.timestamp;
            }
        }
    }
    result.ledger = Finish(flat, state, result.errors, true);
    result.changed = result.ledger.has_value();
    return result;
}

//-----------------------------------------------------------------------------
// The same decisions as undoable steps
//-----------------------------------------------------------------------------

namespace {

EditResult Step(EditHistory& history, const EditContext& context, ImportResult&& r, EditLabel label)
{
    EditResult out;
    if (!r.ledger) {
        out.errors = std::move(r.errors);
        return out;
    }
    if (!r.changed) {
        out.unchanged = true;
        return out;
    }
    return history.ReplaceWholeLedger(context, std::move(*r.ledger), std::move(label));
}

} // namespace

EditResult ImportPackageEdit(EditHistory& history, const EditContext& context, const ReportPackage& package,
                             ImportSummary* summary)
{
    ImportResult r = ImportPackage(history.ledger(), package);
    if (summary)
        *summary = r.summary;
    std::string unit = package.unit_id.empty() ? std::string("—") : package.unit_id;
    return Step(history, context, std::move(r), EditLabel{"导入报送包 " + unit, "Import report package " + unit});
}

EditResult ResolveConflictEdit(EditHistory& history, const EditContext& context, const std::string& record,
                               const std::string& field, int side)
{
    ImportResult r = ResolveConflict(history.ledger(), context, record, field, side);
    std::string what = record + " " + field;
    return Step(history, context, std::move(r),
                side < 0 ? EditLabel{"冲突用我的 " + what, "Keep mine for " + what}
                         : EditLabel{"冲突用对方的 " + what, "Take theirs for " + what});
}

EditResult DecidePendingEdit(EditHistory& history, const EditContext& context, std::size_t index, bool accept)
{
    ImportResult r = DecidePending(history.ledger(), context, index, accept);
    return Step(history, context, std::move(r),
                accept ? EditLabel{"接受报送的修改", "Accept a reported change"}
                       : EditLabel{"不采纳报送的修改", "Dismiss a reported change"});
}

} // namespace kpl
