// Saving a ledger: the canonical text of format v1, written with plain string appends (no DOM).
// The layout is what JSON.stringify(value, null, 2) gives for the keys in the order below, so that
// other tools (the demo generator) can produce byte-identical files. Key order of each record: the
// fields of model.h in declaration order, then rev, modified_by, modified_at (the last two only
// when not empty), then unknown members sorted by key.
#include "ledger_json.h"

#include <charconv>
#include <cmath>

#include "json_tree.h"

namespace kpl {

namespace {

class Writer {
public:
    explicit Writer(std::size_t expected_size) { out_.reserve(expected_size); }

    std::string Finish()
    {
        out_ += '\n';
        return std::move(out_);
    }

    // --- containers: "{" / "[" now, the closing bracket on its own line unless empty
    void BeginObject() { Open('{'); }
    void EndObject() { Close('}'); }
    void BeginArray() { Open('['); }
    void EndArray() { Close(']'); }

    // --- members and array elements
    void Key(std::string_view key)
    {
        NextItem();
        json_tree::AppendJsonString(out_, key);
        out_ += ": ";
    }
    void Element() { NextItem(); }

    // --- values
    void String(std::string_view s) { json_tree::AppendJsonString(out_, s); }
    void Bool(bool b) { out_ += b ? "true" : "false"; }
    void Integer(int64_t v)
    {
        char buffer[24];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
        out_.append(buffer, result.ptr);
    }
    void MoneyValue(Money m) { AppendHundredths(out_, m.Cents()); }
    // Figures kept to 0.01 (percentages, weights): "10", "37.5", "12.34".
    void Hundredths(double v) { AppendHundredths(out_, std::llround(v * 100.0)); }
    void Raw(std::string_view text) { out_.append(text); }

    // Shorthands for one member.
    void Field(std::string_view key, std::string_view s) { Key(key); String(s); }
    void FieldBool(std::string_view key, bool b) { Key(key); Bool(b); }
    void FieldInt(std::string_view key, int64_t v) { Key(key); Integer(v); }
    void FieldMoney(std::string_view key, Money m) { Key(key); MoneyValue(m); }
    void FieldHundredths(std::string_view key, double v) { Key(key); Hundredths(v); }
    void FieldDate(std::string_view key, const std::optional<Date>& d)
    {
        if (d)
            Field(key, d->ToString());
    }

    // Any JSON value kept from a file (unknown members); object keys come sorted from nlohmann's map.
    void Json(const nlohmann::json& j)
    {
        switch (j.type()) {
        case nlohmann::json::value_t::object:
            BeginObject();
            for (auto it = j.begin(); it != j.end(); ++it) {
                Key(it.key());
                Json(it.value());
            }
            EndObject();
            break;
        case nlohmann::json::value_t::array:
            BeginArray();
            for (const nlohmann::json& item : j) {
                Element();
                Json(item);
            }
            EndArray();
            break;
        case nlohmann::json::value_t::string:
            String(j.get_ref<const std::string&>());
            break;
        case nlohmann::json::value_t::boolean:
            Bool(j.get<bool>());
            break;
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            out_ += j.dump();  // shortest text that reads back as the same number
            break;
        default:
            out_ += "null";
            break;
        }
    }

    // The unknown members of a record, after its known keys.
    void Extras(const ExtraFields& extra)
    {
        if (!extra.is_object())
            return;
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            Key(it.key());
            Json(it.value());
        }
    }

    void Stamp(const RecordStamp& stamp)
    {
        FieldInt("rev", stamp.revision);
        if (!stamp.modified_by.empty())
            Field("modified_by", stamp.modified_by);
        if (!stamp.modified_at.empty())
            Field("modified_at", stamp.modified_at);
    }

private:
    void Open(char bracket)
    {
        out_ += bracket;
        ++depth_;
        first_ = true;
    }
    void Close(char bracket)
    {
        --depth_;
        if (!first_) {
            out_ += '\n';
            Indent();
        }
        out_ += bracket;
        first_ = false;  // the container just closed is an item of its parent
    }
    void NextItem()
    {
        if (!first_)
            out_ += ',';
        out_ += '\n';
        Indent();
        first_ = false;
    }
    void Indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }

    std::string out_;
    int depth_ = 0;
    bool first_ = true;  // no item written yet in the innermost open container
};

void WriteMeta(Writer& w, const LedgerMeta& m)
{
    w.BeginObject();
    w.Field("title", m.title);
    w.FieldInt("year", m.year);
    if (m.as_of)
        w.Field("as_of", m.as_of->ToString());
    w.Field("money_unit", m.money_unit);
    w.Field("issuing_unit", m.issuing_unit);
    w.FieldBool("demo", m.demo);
    w.Stamp(m.stamp);
    w.Extras(m.extra);
    w.EndObject();
}

// A list of records under `key`: each an object of its known members (`write_fields`), then its
// stamp and the members the loader did not know. Every record list of the format has this shape.
template <typename RecordT, typename WriteFields>
void WriteRecords(Writer& w, const char* key, const std::vector<RecordT>& records, WriteFields write_fields)
{
    w.Key(key);
    w.BeginArray();
    for (const RecordT& record : records) {
        w.Element();
        w.BeginObject();
        write_fields(record);
        w.Stamp(record.stamp);
        w.Extras(record.extra);
        w.EndObject();
    }
    w.EndArray();
}

void WriteTaskForce(Writer& w, const TaskForce& t)
{
    w.BeginObject();
    w.Field("name", t.name);
    w.Field("office", t.office);
    WriteRecords(w, "roles", t.roles, [&](const TaskForceRole& r) {
        w.Field("id", r.id);
        w.Field("role", r.role);
        w.Field("holder", r.holder);
    });
    w.Key("member_unit_ids");
    w.BeginArray();
    for (const std::string& id : t.member_unit_ids) {
        w.Element();
        w.String(id);
    }
    w.EndArray();
    w.Extras(t.extra);
    w.EndObject();
}

void WriteMilestoneFields(Writer& w, const Milestone& m)
{
    w.Field("id", m.id);
    w.Field("name", m.name);
    w.FieldDate("planned", m.planned);
    w.FieldDate("actual", m.actual);
}

void WriteReportFields(Writer& w, const MonthlyReport& r)
{
    w.Field("month", r.month.ToString());
    w.FieldMoney("investment_wan", r.investment);
    w.FieldHundredths("percent_complete", r.percent_complete);
    w.Field("progress_text", r.progress_text);
    w.Field("problems_text", r.problems_text);
    if (r.funds_in_place)
        w.FieldMoney("funds_in_place_wan", *r.funds_in_place);
}

void WriteProjectFields(Writer& w, const Project& p)
{
    w.Field("id", p.id);
    w.Field("code", p.code);
    w.Field("name", p.name);
    w.Field("category", p.category);
    w.Field("district_id", p.district_id);
    w.Field("owner_unit", p.owner_unit);
    w.Field("content", p.content);
    w.FieldInt("start_year", p.start_year);
    w.FieldDate("planned_completion", p.planned_completion);
    w.Field("city_leader_id", p.city_leader_id);
    w.Field("department_id", p.department_id);
    w.Field("responsible_leader", p.responsible_leader);
    w.Field("responsible_person", p.responsible_person);
    w.Field("contact", p.contact);
    w.FieldMoney("total_investment_wan", p.total_investment);
    w.FieldMoney("completed_before_year_wan", p.completed_before_year);
    w.FieldMoney("plan_wan", p.plan);
    w.FieldMoney("funds_required_wan", p.funds_required);
    w.FieldMoney("funds_in_place_wan", p.funds_in_place);
    w.Field("status", ToJsonText(p.status));
    w.FieldBool("completion_target", p.completion_target);
    w.FieldDate("actual_start", p.actual_start);
    w.FieldDate("actual_completion", p.actual_completion);
    WriteRecords(w, "milestones", p.milestones, [&](const Milestone& m) { WriteMilestoneFields(w, m); });
    WriteRecords(w, "reports", p.reports, [&](const MonthlyReport& r) { WriteReportFields(w, r); });
}

void WriteProblemFields(Writer& w, const Problem& p)
{
    w.Field("id", p.id);
    w.Field("project_id", p.project_id);
    w.Field("category", ToJsonText(p.category));
    w.Field("text", p.text);
    w.Field("responsible_unit_id", p.responsible_unit_id);
    w.Field("assigned_date", p.assigned_date.ToString());
    w.Field("deadline", p.deadline.ToString());
    w.Field("state", ToJsonText(p.state));
    WriteRecords(w, "history", p.history, [&](const ProblemAction& a) {
        w.Field("id", a.id);
        w.Field("kind", ToJsonText(a.kind));
        w.Field("date", a.date.ToString());
        w.Field("by", a.by);
        w.Field("text", a.text);
    });
}

void WriteSettings(Writer& w, const Settings& s)
{
    w.BeginObject();
    w.Key("warnings");
    w.BeginObject();
    w.FieldHundredths("behind_yellow_points", s.warnings.behind_yellow_points);
    w.FieldHundredths("behind_red_points", s.warnings.behind_red_points);
    w.FieldHundredths("funds_red_percent", s.warnings.funds_red_percent);
    w.FieldInt("late_start_red_months", s.warnings.late_start_red_months);
    w.FieldInt("due_soon_days", s.warnings.due_soon_days);
    w.Extras(s.warnings.extra);
    w.EndObject();
    w.Key("ranking");
    w.BeginObject();
    w.FieldHundredths("investment_completion_weight", s.ranking.investment_completion_weight);
    w.FieldHundredths("start_rate_weight", s.ranking.start_rate_weight);
    w.FieldHundredths("funds_rate_weight", s.ranking.funds_rate_weight);
    w.FieldHundredths("completion_rate_weight", s.ranking.completion_rate_weight);
    w.FieldInt("bottom_n", s.ranking.bottom_n);
    w.Extras(s.ranking.extra);
    w.EndObject();
    w.Key("indicators");
    w.BeginObject();
    w.Field("schedule_basis", ToJsonText(s.indicators.schedule_basis));
    w.FieldInt("schedule_start_month", s.indicators.schedule_start_month);
    w.FieldInt("milestone_grace_days", s.indicators.milestone_grace_days);
    w.Extras(s.indicators.extra);
    w.EndObject();
    w.Key("assessment");
    w.BeginObject();
    w.FieldHundredths("quantitative_weight", s.assessment.quantitative_weight);
    w.FieldHundredths("qualitative_weight", s.assessment.qualitative_weight);
    w.FieldHundredths("overdue_problem_deduction", s.assessment.overdue_problem_deduction);
    w.Key("qualitative_scores");
    w.BeginArray();
    for (const QualitativeScore& q : s.assessment.qualitative_scores) {
        w.Element();
        w.BeginObject();
        w.Field("unit_id", q.unit_id);
        w.FieldHundredths("score", q.score);
        w.Extras(q.extra);
        w.EndObject();
    }
    w.EndArray();
    w.Extras(s.assessment.extra);
    w.EndObject();
    w.Extras(s.extra);
    w.EndObject();
}

void WritePublishedEntries(Writer& w, const char* key, const std::vector<PublishedRankEntry>& entries)
{
    w.Key(key);
    w.BeginArray();
    for (const PublishedRankEntry& e : entries) {
        w.Element();
        w.BeginObject();
        w.Field("unit_id", e.unit_id);
        w.Field("name", e.name);
        w.Key("rates");
        w.BeginObject();
        for (int i = 0; i < 4; ++i)
            if (e.rates[i])
                w.FieldHundredths(kRankedRateKeys[i], *e.rates[i]);
        w.Extras(e.rates_extra);
        w.EndObject();
        w.Key("points");
        w.BeginObject();
        for (int i = 0; i < 4; ++i)
            w.FieldHundredths(kRankedRateKeys[i], e.points[i]);
        w.Extras(e.points_extra);
        w.EndObject();
        w.FieldHundredths("score", e.score);
        w.FieldInt("rank", e.rank);
        w.FieldBool("bottom", e.bottom);
        w.Extras(e.extra);
        w.EndObject();
    }
    w.EndArray();
}

void WritePublishedRankings(Writer& w, const std::vector<PublishedRankings>& published)
{
    w.Key("published_rankings");
    w.BeginArray();
    for (const PublishedRankings& p : published) {
        w.Element();
        w.BeginObject();
        w.Field("month", p.month.ToString());
        w.Field("published_at", p.published_at);
        w.Field("published_by", p.published_by);
        w.FieldInt("bottom_n", p.bottom_n);
        WritePublishedEntries(w, "districts", p.districts);
        WritePublishedEntries(w, "departments", p.departments);
        w.Extras(p.extra);
        w.EndObject();
    }
    w.EndArray();
}

// A rough size of the output, so the string grows once or twice rather than twenty times.
std::size_t EstimateSize(const Ledger& ledger)
{
    std::size_t size = 4096;
    for (const Project& p : ledger.projects)
        size += 1200 + p.content.size() + p.milestones.size() * 160 + p.reports.size() * 300;
    size += ledger.problems.size() * 900;
    return size;
}

} // namespace

std::string SaveLedger(const Ledger& ledger)
{
    Writer w(EstimateSize(ledger));
    w.BeginObject();
    w.Field("format", kFormatName);
    w.FieldInt("format_version", kFormatVersion);
    w.Field("ledger_id", ledger.ledger_id);
    w.FieldInt("revision", ledger.revision);
    w.Key("meta");
    WriteMeta(w, ledger.meta);
    w.Key("task_force");
    WriteTaskForce(w, ledger.task_force);

    WriteRecords(w, "districts", ledger.districts, [&](const District& d) {
        w.Field("id", d.id);
        w.Field("name", d.name);
        w.Field("kind", ToJsonText(d.kind));
    });
    WriteRecords(w, "departments", ledger.departments, [&](const Department& d) {
        w.Field("id", d.id);
        w.Field("name", d.name);
    });
    WriteRecords(w, "city_leaders", ledger.city_leaders, [&](const CityLeader& c) {
        w.Field("id", c.id);
        w.Field("title", c.title);
    });
    WriteRecords(w, "projects", ledger.projects, [&](const Project& p) { WriteProjectFields(w, p); });
    WriteRecords(w, "problems", ledger.problems, [&](const Problem& p) { WriteProblemFields(w, p); });
    w.Key("settings");
    WriteSettings(w, ledger.settings);
    // Written only once something is published, so that older files round-trip byte for byte.
    if (!ledger.published_rankings.empty())
        WritePublishedRankings(w, ledger.published_rankings);
    w.Extras(ledger.extra);
    w.EndObject();
    return w.Finish();
}

} // namespace kpl
