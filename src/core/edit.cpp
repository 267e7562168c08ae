// Edit commands and undo / redo. A command builds the records it changes (stamped), checks them
// with validate.h, and records one Step: the affected slots of the ledger before and after. Undo
// writes the "before" side back, redo the "after" side, so both are exact, stamps included.
//
// [SECTION] Steps: slots of the ledger before and after
// [SECTION] Comparing records without their stamps
// [SECTION] Small helpers: stamps, labels, IDs, paths
// [SECTION] EditHistory: state, undo / redo, saved point
// [SECTION] Commands: meta and settings
// [SECTION] Commands: projects, milestones, reports
// [SECTION] Commands: problems
// [SECTION] Helpers for the views
#include "edit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_set>

#include "json_tree.h"
#include "problem_lifecycle.h"

namespace kpl {

//-----------------------------------------------------------------------------
// [SECTION] Steps: slots of the ledger before and after
//-----------------------------------------------------------------------------

namespace edit_detail {

enum class Slot { Meta, Settings, Project, Problem, Published, Whole };

// One slot of the ledger: the meta, the settings, or position `index` of the projects or problems.
// For a list slot, an absent `before` means the step inserted a record there and an absent `after`
// that it removed one.
struct Change {
    Slot slot = Slot::Meta;
    std::size_t index = 0;
    std::optional<LedgerMeta> meta_before, meta_after;
    std::optional<Settings> settings_before, settings_after;
    std::optional<Project> project_before, project_after;
    std::optional<Problem> problem_before, problem_after;
    std::optional<std::vector<PublishedRankings>> published_before, published_after;
    std::optional<Ledger> whole_before, whole_after;   // Slot::Whole: the entire ledger
};

template <typename Record>
void ApplySlot(std::vector<Record>& list, std::size_t index, const std::optional<Record>& from,
               const std::optional<Record>& to)
{
    if (from && to)
        list[index] = *to;
    else if (to)
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(index), *to);
    else if (from)
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
}

} // namespace edit_detail

using edit_detail::Change;
using edit_detail::Slot;

struct EditHistory::Step {
    EditLabel label;
    uint64_t serial = 0;
    int64_t revision_before = 0;
    int64_t revision_after = 0;
    std::vector<Change> changes;   // applied in order; undone in reverse order
};

//-----------------------------------------------------------------------------
// [SECTION] Comparing records without their stamps
//-----------------------------------------------------------------------------

namespace {

// What a record says, stamps aside: a command that says nothing new records no step, and only the
// nested records that changed get a new stamp.
bool SameContent(const Milestone& a, const Milestone& b)
{
    return a.id == b.id && a.name == b.name && a.planned == b.planned && a.actual == b.actual && a.extra == b.extra;
}

bool SameContent(const MonthlyReport& a, const MonthlyReport& b)
{
    return a.month == b.month && a.investment == b.investment && a.percent_complete == b.percent_complete &&
           a.progress_text == b.progress_text && a.problems_text == b.problems_text &&
           a.funds_in_place == b.funds_in_place && a.extra == b.extra;
}

template <typename Record>
bool SameList(const std::vector<Record>& a, const std::vector<Record>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!SameContent(a[i], b[i]))
            return false;
    return true;
}

bool SameContent(const Project& a, const Project& b)
{
    return a.id == b.id && a.code == b.code && a.name == b.name && a.category == b.category &&
           a.district_id == b.district_id && a.owner_unit == b.owner_unit && a.content == b.content &&
           a.start_year == b.start_year && a.planned_completion == b.planned_completion &&
           a.city_leader_id == b.city_leader_id && a.department_id == b.department_id &&
           a.responsible_leader == b.responsible_leader && a.responsible_person == b.responsible_person &&
           a.contact == b.contact && a.total_investment == b.total_investment &&
           a.completed_before_year == b.completed_before_year && a.plan == b.plan &&
           a.funds_required == b.funds_required && a.funds_in_place == b.funds_in_place && a.status == b.status &&
           a.completion_target == b.completion_target && a.actual_start == b.actual_start &&
           a.actual_completion == b.actual_completion && SameList(a.milestones, b.milestones) &&
           SameList(a.reports, b.reports) && a.extra == b.extra;
}

// The fields EditProblem takes from a draft.
bool SameEditableFields(const Problem& a, const Problem& b)
{
    return a.project_id == b.project_id && a.category == b.category && a.text == b.text &&
           a.responsible_unit_id == b.responsible_unit_id && a.assigned_date == b.assigned_date &&
           a.deadline == b.deadline && a.extra == b.extra;
}

bool SameContent(const LedgerMeta& a, const LedgerMeta& b)
{
    return a.title == b.title && a.year == b.year && a.as_of == b.as_of && a.money_unit == b.money_unit &&
           a.issuing_unit == b.issuing_unit && a.demo == b.demo && a.extra == b.extra;
}

bool SameContent(const IndicatorSettings& a, const IndicatorSettings& b)
{
    return a.schedule_basis == b.schedule_basis && a.schedule_start_month == b.schedule_start_month &&
           a.milestone_grace_days == b.milestone_grace_days && a.extra == b.extra;
}

bool SameContent(const AssessmentSettings& a, const AssessmentSettings& b)
{
    if (a.qualitative_scores.size() != b.qualitative_scores.size())
        return false;
    for (std::size_t i = 0; i < a.qualitative_scores.size(); ++i) {
        const QualitativeScore& x = a.qualitative_scores[i];
        const QualitativeScore& y = b.qualitative_scores[i];
        if (x.unit_id != y.unit_id || x.score != y.score || x.extra != y.extra)
            return false;
    }
    return a.quantitative_weight == b.quantitative_weight && a.qualitative_weight == b.qualitative_weight &&
           a.overdue_problem_deduction == b.overdue_problem_deduction && a.extra == b.extra;
}

bool SameContent(const Settings& a, const Settings& b)
{
    const WarningSettings& w = a.warnings;
    const WarningSettings& v = b.warnings;
    const RankingSettings& r = a.ranking;
    const RankingSettings& q = b.ranking;
    return w.behind_yellow_points == v.behind_yellow_points && w.behind_red_points == v.behind_red_points &&
           w.late_start_red_months == v.late_start_red_months && w.due_soon_days == v.due_soon_days &&
           w.extra == v.extra && r.investment_completion_weight == q.investment_completion_weight &&
           r.start_rate_weight == q.start_rate_weight && r.funds_rate_weight == q.funds_rate_weight &&
           r.completion_rate_weight == q.completion_rate_weight && r.bottom_n == q.bottom_n && r.extra == q.extra &&
           w.funds_red_percent == v.funds_red_percent && SameContent(a.indicators, b.indicators) &&
           SameContent(a.assessment, b.assessment) && a.extra == b.extra;
}

//-----------------------------------------------------------------------------
// [SECTION] Small helpers: stamps, labels, IDs, paths
//-----------------------------------------------------------------------------

// rev + 1 of what the record had (0 for a new record), who and when from the context.
void Stamp(RecordStamp& stamp, int64_t previous_revision, const EditContext& context)
{
    stamp.revision = previous_revision + 1;
    stamp.modified_by = context.actor;
    stamp.modified_at = context.timestamp;
}

// Figures the file keeps to 0.01: the ledger in memory says what a saved and reloaded file would.
double ToHundredths(double v)
{
    if (!std::isfinite(v))
        return v;   // left for validation to refuse
    return static_cast<double>(std::llround(v * 100.0)) / 100.0;
}

Diagnostic MakeDiagnostic(const std::string& path, std::string zh, std::string en)
{
    return Diagnostic{path, std::move(zh), std::move(en), 0, 0};
}

EditResult Refused(Diagnostic d)
{
    EditResult r;
    r.errors.push_back(std::move(d));
    return r;
}

EditResult Refused(std::vector<Diagnostic> errors, std::vector<Diagnostic> warnings = {})
{
    EditResult r;
    r.errors = std::move(errors);
    r.warnings = std::move(warnings);
    return r;
}

EditResult Unchanged(const std::string& id)
{
    EditResult r;
    r.unchanged = true;
    r.id = id;
    return r;
}

// A name for a label: at most 20 characters, then "…"; the ID when there is no name.
std::string ShortName(const std::string& name, const std::string& id)
{
    if (name.empty())
        return id;
    constexpr int kMaxCharacters = 20;
    int characters = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && characters++ == kMaxCharacters)
            return name.substr(0, i) + "…";
    }
    return name;
}

EditLabel Label(const std::string& zh_verb, const std::string& en_verb, const std::string& what)
{
    return EditLabel{zh_verb + " " + what, en_verb + " " + what};
}

const char* EnglishVerb(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Assign: return "Assign";
    case ActionKind::Accept: return "Accept";
    case ActionKind::Feedback: return "Give feedback on";
    case ActionKind::Supervise: return "Supervise";
    case ActionKind::CloseOut: return "Close out";
    case ActionKind::Reopen: return "Reopen";
    }
    return "?";
}

// "P153" -> "P154", "q-009" -> "q-010", "P999" -> "P1000"; an ID without a number gets "-2".
std::string IncrementId(const std::string& id)
{
    std::size_t digits_begin = id.size();
    while (digits_begin > 0 && id[digits_begin - 1] >= '0' && id[digits_begin - 1] <= '9')
        --digits_begin;
    if (digits_begin == id.size())
        return id + "-2";
    std::string digits = id.substr(digits_begin);
    // Add one to the decimal text, so that any length works and the zero padding stays.
    int i = static_cast<int>(digits.size()) - 1;
    while (i >= 0 && digits[static_cast<std::size_t>(i)] == '9')
        digits[static_cast<std::size_t>(i--)] = '0';
    if (i < 0)
        digits.insert(digits.begin(), '1');
    else
        ++digits[static_cast<std::size_t>(i)];
    return id.substr(0, digits_begin) + digits;
}

// The first ID after `sample` (or `fallback` when there is no sample) that is not taken.
template <typename Taken>
std::string FreshId(const std::string& sample, const std::string& fallback, Taken taken)
{
    std::string id = IncrementId(sample.empty() ? fallback : sample);
    while (taken(id))
        id = IncrementId(id);
    return id;
}

std::string NewActionId(const Ledger& ledger, const Problem& problem)
{
    std::unordered_set<std::string_view> taken;
    for (const Problem& p : ledger.problems)
        for (const ProblemAction& a : p.history)
            taken.insert(a.id);
    for (const ProblemAction& a : problem.history)
        taken.insert(a.id);
    std::string sample = problem.history.empty() ? std::string() : problem.history.back().id;
    return FreshId(sample, problem.id + "-A0", [&](const std::string& id) { return taken.count(id) > 0; });
}

// Findings whose path lies under `focus` ("reports[3]") are made relative to it ("month"), so the
// form that entered that one record can show them next to its fields.
void Relativize(std::vector<Diagnostic>& list, const std::string& focus)
{
    if (focus.empty())
        return;
    for (Diagnostic& d : list) {
        if (d.path.size() > focus.size() && d.path.compare(0, focus.size(), focus) == 0 && d.path[focus.size()] == '.')
            d.path = d.path.substr(focus.size() + 1);
        else if (d.path == focus)
            d.path.clear();
    }
}

template <typename Record>
int IndexOf(const std::vector<Record>& list, const std::string& id)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return static_cast<int>(i);
    return -1;
}

Diagnostic NoSuchProject(const std::string& id)
{
    return MakeDiagnostic("", "项目 " + QuoteForMessage(id) + " 不存在", "there is no project " + QuoteForMessage(id));
}

Diagnostic NoSuchProblem(const std::string& id)
{
    return MakeDiagnostic("", "交办问题 " + QuoteForMessage(id) + " 不存在", "there is no problem " + QuoteForMessage(id));
}

std::size_t Clamp(int index, std::size_t size)
{
    if (index < 0)
        return 0;
    return std::min(static_cast<std::size_t>(index), size);
}

// Text from the views is UTF-8, but a cut in the middle of a character or an odd paste would make
// a file that no longer loads: such text is refused here, where it can still be put right.
void CheckUtf8(const std::string& text, const std::string& path, std::vector<Diagnostic>& errors)
{
    if (json_tree::FindInvalidUtf8(text) != std::string_view::npos)
        errors.push_back(MakeDiagnostic(path, "文本不是有效的 UTF-8", "the text is not valid UTF-8"));
}

std::vector<Diagnostic> Utf8Errors(const Project& p)
{
    std::vector<Diagnostic> errors;
    const std::pair<const std::string*, const char*> fields[] = {
        {&p.id, "id"}, {&p.code, "code"}, {&p.name, "name"}, {&p.category, "category"},
        {&p.district_id, "district_id"}, {&p.owner_unit, "owner_unit"}, {&p.content, "content"},
        {&p.city_leader_id, "city_leader_id"}, {&p.department_id, "department_id"},
        {&p.responsible_leader, "responsible_leader"}, {&p.responsible_person, "responsible_person"},
        {&p.contact, "contact"}};
    for (const auto& [text, path] : fields)
        CheckUtf8(*text, path, errors);
    for (std::size_t k = 0; k < p.milestones.size(); ++k) {
        CheckUtf8(p.milestones[k].id, IndexPath("milestones", k) + ".id", errors);
        CheckUtf8(p.milestones[k].name, IndexPath("milestones", k) + ".name", errors);
    }
    for (std::size_t k = 0; k < p.reports.size(); ++k) {
        CheckUtf8(p.reports[k].progress_text, IndexPath("reports", k) + ".progress_text", errors);
        CheckUtf8(p.reports[k].problems_text, IndexPath("reports", k) + ".problems_text", errors);
    }
    return errors;
}

std::vector<Diagnostic> Utf8Errors(const Problem& p)
{
    std::vector<Diagnostic> errors;
    CheckUtf8(p.id, "id", errors);
    CheckUtf8(p.project_id, "project_id", errors);
    CheckUtf8(p.text, "text", errors);
    CheckUtf8(p.responsible_unit_id, "responsible_unit_id", errors);
    for (std::size_t k = 0; k < p.history.size(); ++k) {
        CheckUtf8(p.history[k].by, IndexPath("history", k) + ".by", errors);
        CheckUtf8(p.history[k].text, IndexPath("history", k) + ".text", errors);
    }
    return errors;
}

// Reports in month order, figures to 0.01, empty milestone IDs filled: what every project command
// stores.
void Normalize(const Ledger& ledger, Project& p)
{
    std::stable_sort(p.reports.begin(), p.reports.end(),
                     [](const MonthlyReport& a, const MonthlyReport& b) { return a.month < b.month; });
    for (MonthlyReport& r : p.reports)
        r.percent_complete = ToHundredths(r.percent_complete);
    for (Milestone& m : p.milestones)
        if (m.id.empty())
            m.id = NewMilestoneId(ledger, p);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] EditHistory: state, undo / redo, saved point
//-----------------------------------------------------------------------------

namespace {
constexpr uint64_t kNotSaved = std::numeric_limits<uint64_t>::max();
}

EditHistory::EditHistory() = default;
EditHistory::EditHistory(Ledger ledger) { Reset(std::move(ledger)); }
EditHistory::~EditHistory() = default;
EditHistory::EditHistory(EditHistory&&) noexcept = default;
EditHistory& EditHistory::operator=(EditHistory&&) noexcept = default;

void EditHistory::Reset(Ledger ledger, bool saved)
{
    ledger_ = std::move(ledger);
    undo_.clear();
    redo_.clear();
    ++generation_;
    base_serial_ = next_serial_++;
    saved_serial_ = saved ? base_serial_ : kNotSaved;
}

uint64_t EditHistory::CurrentSerial() const
{
    return undo_.empty() ? base_serial_ : undo_.back().serial;
}

void EditHistory::Apply(const Step& step, bool forward)
{
    auto apply = [&](const Change& c) {
        switch (c.slot) {
        case Slot::Meta:
            ledger_.meta = forward ? *c.meta_after : *c.meta_before;
            break;
        case Slot::Settings:
            ledger_.settings = forward ? *c.settings_after : *c.settings_before;
            break;
        case Slot::Project:
            if (forward)
                edit_detail::ApplySlot(ledger_.projects, c.index, c.project_before, c.project_after);
            else
                edit_detail::ApplySlot(ledger_.projects, c.index, c.project_after, c.project_before);
            break;
        case Slot::Problem:
            if (forward)
                edit_detail::ApplySlot(ledger_.problems, c.index, c.problem_before, c.problem_after);
            else
                edit_detail::ApplySlot(ledger_.problems, c.index, c.problem_after, c.problem_before);
            break;
        case Slot::Published:
            ledger_.published_rankings = forward ? *c.published_after : *c.published_before;
            break;
        case Slot::Whole:
            ledger_ = forward ? *c.whole_after : *c.whole_before;
            break;
        }
    };
    if (forward)
        for (const Change& c : step.changes)
            apply(c);
    else
        for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it)
            apply(*it);
    ledger_.revision = forward ? step.revision_after : step.revision_before;
    ++generation_;
}

EditResult EditHistory::Commit(Step&& step, EditResult result)
{
    step.serial = next_serial_++;
    step.revision_before = ledger_.revision;
    step.revision_after = ledger_.revision + 1;
    Apply(step, true);
    undo_.push_back(std::move(step));
    redo_.clear();
    if (undo_.size() > undo_limit_) {
        // The oldest state that can still be reached is the one after the step forgotten.
        std::size_t drop = undo_.size() - undo_limit_;
        base_serial_ = undo_[drop - 1].serial;
        undo_.erase(undo_.begin(), undo_.begin() + static_cast<std::ptrdiff_t>(drop));
    }
    result.applied = true;
    result.errors.clear();
    return result;
}

bool EditHistory::CanUndo() const { return !undo_.empty(); }
bool EditHistory::CanRedo() const { return !redo_.empty(); }

bool EditHistory::Undo()
{
    if (undo_.empty())
        return false;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    Apply(step, false);
    redo_.push_back(std::move(step));
    return true;
}

bool EditHistory::Redo()
{
    if (redo_.empty())
        return false;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    Apply(step, true);
    undo_.push_back(std::move(step));
    return true;
}

const EditLabel* EditHistory::UndoLabel() const { return undo_.empty() ? nullptr : &undo_.back().label; }
const EditLabel* EditHistory::RedoLabel() const { return redo_.empty() ? nullptr : &redo_.back().label; }

std::vector<EditLabel> EditHistory::UndoLabels() const
{
    std::vector<EditLabel> labels;
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it)
        labels.push_back(it->label);
    return labels;
}

std::vector<EditLabel> EditHistory::RedoLabels() const
{
    std::vector<EditLabel> labels;
    for (auto it = redo_.rbegin(); it != redo_.rend(); ++it)
        labels.push_back(it->label);
    return labels;
}

void EditHistory::SetUndoLimit(std::size_t limit)
{
    undo_limit_ = std::max<std::size_t>(limit, 1);
    if (undo_.size() > undo_limit_) {
        std::size_t drop = undo_.size() - undo_limit_;
        base_serial_ = undo_[drop - 1].serial;
        undo_.erase(undo_.begin(), undo_.begin() + static_cast<std::ptrdiff_t>(drop));
    }
}

void EditHistory::MarkSaved() { saved_serial_ = CurrentSerial(); }
bool EditHistory::IsDirty() const { return CurrentSerial() != saved_serial_; }

//-----------------------------------------------------------------------------
// [SECTION] Commands: meta and settings
//-----------------------------------------------------------------------------

namespace {

// The context's timestamp ends up in the file, which must load again.
bool CheckContext(const EditContext& context, EditResult& refused)
{
    std::vector<Diagnostic> errors;
    CheckUtf8(context.actor, "", errors);
    if (!errors.empty()) {
        refused = Refused(std::move(errors));
        return false;
    }
    if (context.timestamp.empty() || IsValidTimestamp(context.timestamp))
        return true;
    refused = Refused(MakeDiagnostic("", "编辑时间 " + QuoteForMessage(context.timestamp) + " 不是 ISO 8601 时间戳",
                               "the edit time " + QuoteForMessage(context.timestamp) + " is not an ISO 8601 timestamp"));
    return false;
}

} // namespace

EditResult EditHistory::SetMeta(const EditContext& context, const LedgerMeta& meta)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    if (SameContent(meta, ledger_.meta))
        return Unchanged("");
    Findings findings = ValidateMeta(meta, "");
    CheckUtf8(meta.title, "title", findings.errors);
    CheckUtf8(meta.issuing_unit, "issuing_unit", findings.errors);
    CheckUtf8(meta.money_unit, "money_unit", findings.errors);
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(findings.warnings));
    LedgerMeta after = meta;
    Stamp(after.stamp, ledger_.meta.stamp.revision, context);
    Step step;
    step.label = EditLabel{"编辑台账信息", "Edit the ledger's details"};
    Change c;
    c.slot = Slot::Meta;
    c.meta_before = ledger_.meta;
    c.meta_after = std::move(after);
    step.changes.push_back(std::move(c));
    EditResult result;
    result.warnings = std::move(findings.warnings);
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::ReplaceWholeLedger(const EditContext& context, Ledger after, EditLabel label)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    after.revision = ledger_.revision;
    if (SaveLedger(after) == SaveLedger(ledger_))
        return Unchanged("");
    Step step;
    step.label = std::move(label);
    Change c;
    c.slot = Slot::Whole;
    c.whole_before = ledger_;
    c.whole_after = std::move(after);
    c.whole_after->revision = ledger_.revision + 1;
    step.changes.push_back(std::move(c));
    return Commit(std::move(step), EditResult{});
}

namespace {

std::string MonthZh(YearMonth m) { return std::to_string(m.year) + "年" + std::to_string(m.month) + "月"; }

bool SameFigures(const PublishedRankEntry& a, const PublishedRankEntry& b)
{
    for (int i = 0; i < 4; ++i)
        if (a.rates[i] != b.rates[i] || a.points[i] != b.points[i])
            return false;
    return a.unit_id == b.unit_id && a.name == b.name && a.score == b.score && a.rank == b.rank && a.bottom == b.bottom;
}

// Same month, bottom_n and entries: publishing again would announce nothing new.
bool SameFigures(const PublishedRankings& a, const PublishedRankings& b)
{
    auto same_list = [](const std::vector<PublishedRankEntry>& x, const std::vector<PublishedRankEntry>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [](const PublishedRankEntry& l, const PublishedRankEntry& r) { return SameFigures(l, r); });
    };
    return a.month == b.month && a.bottom_n == b.bottom_n && same_list(a.districts, b.districts) &&
           same_list(a.departments, b.departments);
}

} // namespace

EditResult EditHistory::PublishRankings(const EditContext& context, PublishedRankings rankings)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    if (context.timestamp.empty())
        return Refused(MakeDiagnostic("published_at", "发布排名需要发布时间", "publishing rankings needs a time"));
    std::vector<PublishedRankings> after = ledger_.published_rankings;
    auto at = std::lower_bound(after.begin(), after.end(), rankings.month,
                               [](const PublishedRankings& p, YearMonth m) { return p.month < m; });
    if (at != after.end() && at->month == rankings.month && SameFigures(*at, rankings))
        return Unchanged("");
    rankings.published_at = context.timestamp;
    rankings.published_by = context.actor;
    const std::string month_zh = MonthZh(rankings.month);
    const std::string month_en = rankings.month.ToString();
    const bool replacing = at != after.end() && at->month == rankings.month;
    if (replacing)
        *at = std::move(rankings);
    else
        at = after.insert(at, std::move(rankings));
    // The same rules as loading the ledger: only the publication's own findings count.
    Ledger check;
    check.meta = ledger_.meta;
    check.districts = ledger_.districts;
    check.departments = ledger_.departments;
    check.published_rankings = {*at};
    Findings findings = ValidateLedger(check);
    std::vector<Diagnostic> errors;
    for (Diagnostic& d : findings.errors)
        if (d.path.rfind("published_rankings[0]", 0) == 0) {
            d.path = d.path.substr(std::string("published_rankings[0]").size());
            if (!d.path.empty() && d.path[0] == '.')
                d.path.erase(0, 1);
            errors.push_back(std::move(d));
        }
    if (!errors.empty())
        return Refused(std::move(errors));
    return CommitPublished(replacing ? EditLabel{"重新发布" + month_zh + "排名", "Publish the rankings for " + month_en + " again"}
                                     : EditLabel{"发布" + month_zh + "排名", "Publish the rankings for " + month_en},
                           std::move(after));
}

EditResult EditHistory::WithdrawRankings(const EditContext& context, YearMonth month)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    std::vector<PublishedRankings> after = ledger_.published_rankings;
    auto at = std::find_if(after.begin(), after.end(), [&](const PublishedRankings& p) { return p.month == month; });
    if (at == after.end())
        return Unchanged("");
    after.erase(at);
    return CommitPublished(EditLabel{"撤回" + MonthZh(month) + "排名", "Withdraw the rankings for " + month.ToString()},
                           std::move(after));
}

EditResult EditHistory::CommitPublished(EditLabel label, std::vector<PublishedRankings> after)
{
    Step step;
    step.label = std::move(label);
    Change c;
    c.slot = Slot::Published;
    c.published_before = ledger_.published_rankings;
    c.published_after = std::move(after);
    step.changes.push_back(std::move(c));
    return Commit(std::move(step), EditResult{});
}

EditResult EditHistory::SetSettings(const EditContext& context, const Settings& settings)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    Settings after = settings;
    for (double* v : {&after.warnings.behind_yellow_points, &after.warnings.behind_red_points,
                      &after.warnings.funds_red_percent, &after.ranking.investment_completion_weight,
                      &after.ranking.start_rate_weight, &after.ranking.funds_rate_weight,
                      &after.ranking.completion_rate_weight, &after.assessment.quantitative_weight,
                      &after.assessment.qualitative_weight, &after.assessment.overdue_problem_deduction})
        *v = ToHundredths(*v);
    for (QualitativeScore& q : after.assessment.qualitative_scores)
        q.score = ToHundredths(q.score);
    if (SameContent(after, ledger_.settings))
        return Unchanged("");
    Findings findings = ValidateSettings(after, "");
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(findings.warnings));
    Step step;
    step.label = EditLabel{"修改预警与排名设置", "Change the warning and ranking settings"};
    Change c;
    c.slot = Slot::Settings;
    c.settings_before = ledger_.settings;
    c.settings_after = std::move(after);
    step.changes.push_back(std::move(c));
    EditResult result;
    result.warnings = std::move(findings.warnings);
    return Commit(std::move(step), std::move(result));
}

//-----------------------------------------------------------------------------
// [SECTION] Commands: projects, milestones, reports
//-----------------------------------------------------------------------------

EditResult EditHistory::AddProject(const EditContext& context, const Project& project, int index)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    Project p = project;
    if (p.id.empty())
        p.id = NewProjectId(ledger_);
    Normalize(ledger_, p);
    Findings findings = ValidateProject(ledger_, p, "");
    for (Diagnostic& d : Utf8Errors(p))
        findings.errors.push_back(std::move(d));
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(findings.warnings));
    Stamp(p.stamp, 0, context);
    for (Milestone& m : p.milestones)
        Stamp(m.stamp, 0, context);
    for (MonthlyReport& r : p.reports)
        Stamp(r.stamp, 0, context);
    Step step;
    step.label = Label("新增项目", "Add project", ShortName(p.name, p.id));
    Change c;
    c.slot = Slot::Project;
    c.index = index < 0 ? ledger_.projects.size() : Clamp(index, ledger_.projects.size());
    EditResult result;
    result.id = p.id;
    result.warnings = std::move(findings.warnings);
    c.project_after = std::move(p);
    step.changes.push_back(std::move(c));
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::AddProjects(const EditContext& context, const std::vector<Project>& projects)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    if (projects.empty())
        return Refused(MakeDiagnostic("", "没有要添加的项目", "no projects to add"));
    // The ledger as it will be, grown one project at a time, so that fresh IDs and duplicate
    // checks see the projects added before.
    Ledger grown = ledger_;
    std::vector<Diagnostic> errors, warnings;
    Step step;
    EditResult result;
    for (std::size_t k = 0; k < projects.size(); ++k) {
        Project p = projects[k];
        if (p.id.empty())
            p.id = NewProjectId(grown);
        Normalize(grown, p);
        const std::string prefix = "[" + std::to_string(k) + "]";
        Findings findings = ValidateProject(grown, p, prefix);
        for (Diagnostic& d : Utf8Errors(p)) {
            d.path = JoinPath(prefix, d.path);
            findings.errors.push_back(std::move(d));
        }
        for (Diagnostic& d : findings.errors)
            errors.push_back(std::move(d));
        for (Diagnostic& d : findings.warnings)
            warnings.push_back(std::move(d));
        Stamp(p.stamp, 0, context);
        for (Milestone& m : p.milestones)
            Stamp(m.stamp, 0, context);
        for (MonthlyReport& r : p.reports)
            Stamp(r.stamp, 0, context);
        if (k == 0)
            result.id = p.id;
        Change c;
        c.slot = Slot::Project;
        c.index = grown.projects.size();
        grown.projects.push_back(p);
        c.project_after = std::move(p);
        step.changes.push_back(std::move(c));
    }
    if (!errors.empty())
        return Refused(std::move(errors), std::move(warnings));
    const std::string count = std::to_string(projects.size());
    step.label = EditLabel{"导入 " + count + " 个项目", "Import " + count + " projects"};
    result.warnings = std::move(warnings);
    return Commit(std::move(step), std::move(result));
}

// The one way a project in the list changes: normalise the draft, stamp what changed, check it
// against the rest of the ledger, record the step. `focus` is the part of the project the command
// was about ("reports[3]"); findings under it come back relative to it.
EditResult EditHistory::CommitProject(const EditContext& context, std::size_t index, Project draft, EditLabel label,
                                      const std::string& focus)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    const Project& before = ledger_.projects[index];
    Normalize(ledger_, draft);
    if (SameContent(draft, before))
        return Unchanged(before.id);
    if (draft.id != before.id) {
        std::size_t referring = 0;
        for (const Problem& q : ledger_.problems)
            referring += q.project_id == before.id ? 1 : 0;
        if (referring > 0)
            return Refused(MakeDiagnostic("id",
                                    "有 " + std::to_string(referring) + " 个交办问题引用项目 " + QuoteForMessage(before.id) +
                                        "，不能更改其 ID",
                                    std::to_string(referring) + " problem(s) refer to the project " + QuoteForMessage(before.id) +
                                        ", so its ID cannot change"));
    }
    ValidateOptions options;
    options.self_index = static_cast<int>(index);
    Findings findings = ValidateProject(ledger_, draft, "", options);
    for (Diagnostic& d : Utf8Errors(draft))
        findings.errors.push_back(std::move(d));
    Relativize(findings.errors, focus);
    Relativize(findings.warnings, focus);
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(findings.warnings));

    // Nested records keep their stamps unless they changed; milestones are matched by ID, reports
    // by month.
    for (Milestone& m : draft.milestones) {
        auto old = std::find_if(before.milestones.begin(), before.milestones.end(),
                                [&](const Milestone& o) { return o.id == m.id; });
        if (old == before.milestones.end())
            Stamp(m.stamp, 0, context);
        else if (SameContent(m, *old))
            m.stamp = old->stamp;
        else
            Stamp(m.stamp, old->stamp.revision, context);
    }
    for (MonthlyReport& r : draft.reports) {
        auto old = std::find_if(before.reports.begin(), before.reports.end(),
                                [&](const MonthlyReport& o) { return o.month == r.month; });
        if (old == before.reports.end())
            Stamp(r.stamp, 0, context);
        else if (SameContent(r, *old))
            r.stamp = old->stamp;
        else
            Stamp(r.stamp, old->stamp.revision, context);
    }
    Stamp(draft.stamp, before.stamp.revision, context);

    Step step;
    step.label = std::move(label);
    Change c;
    c.slot = Slot::Project;
    c.index = index;
    c.project_before = before;
    EditResult result;
    result.id = draft.id;
    result.warnings = std::move(findings.warnings);
    c.project_after = std::move(draft);
    step.changes.push_back(std::move(c));
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::ReplaceProject(const EditContext& context, const std::string& project_id, const Project& project)
{
    int index = IndexOf(ledger_.projects, project_id);
    if (index < 0)
        return Refused(NoSuchProject(project_id));
    EditLabel label = Label("编辑项目", "Edit project", ShortName(project.name, project.id));
    return CommitProject(context, static_cast<std::size_t>(index), project, std::move(label), "");
}

EditResult EditHistory::RemoveProject(const EditContext& context, const std::string& project_id)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    int index = IndexOf(ledger_.projects, project_id);
    if (index < 0)
        return Refused(NoSuchProject(project_id));
    const Project& p = ledger_.projects[static_cast<std::size_t>(index)];
    Step step;
    std::string name = ShortName(p.name, p.id);
    // The project's problems go first, from the back, so that each index still holds when applied
    // and undo puts them back front to back.
    std::size_t problem_count = 0;
    for (std::size_t i = ledger_.problems.size(); i-- > 0;) {
        if (ledger_.problems[i].project_id != project_id)
            continue;
        Change c;
        c.slot = Slot::Problem;
        c.index = i;
        c.problem_before = ledger_.problems[i];
        step.changes.push_back(std::move(c));
        ++problem_count;
    }
    Change c;
    c.slot = Slot::Project;
    c.index = static_cast<std::size_t>(index);
    c.project_before = p;
    step.changes.push_back(std::move(c));
    if (problem_count == 0)
        step.label = Label("删除项目", "Remove project", name);
    else
        step.label = EditLabel{"删除项目 " + name + "（及其 " + std::to_string(problem_count) + " 个交办问题）",
                               "Remove project " + name + " (and its " + std::to_string(problem_count) + " problem(s))"};
    EditResult result;
    result.id = project_id;
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::MoveProject(const EditContext& context, const std::string& project_id, int new_index)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    int index = IndexOf(ledger_.projects, project_id);
    if (index < 0)
        return Refused(NoSuchProject(project_id));
    std::size_t from = static_cast<std::size_t>(index);
    std::size_t to = Clamp(new_index, ledger_.projects.size() - 1);
    if (from == to)
        return Unchanged(project_id);
    const Project& p = ledger_.projects[from];
    Project moved = p;
    Stamp(moved.stamp, p.stamp.revision, context);   // the project is what was touched
    Step step;
    step.label = Label("移动项目", "Move project", ShortName(p.name, p.id));
    Change out;
    out.slot = Slot::Project;
    out.index = from;
    out.project_before = p;
    Change in;
    in.slot = Slot::Project;
    in.index = to;
    in.project_after = std::move(moved);
    step.changes.push_back(std::move(out));
    step.changes.push_back(std::move(in));
    EditResult result;
    result.id = project_id;
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::AddMilestone(const EditContext& context, const std::string& project_id, const Milestone& milestone,
                                     int index)
{
    int p = IndexOf(ledger_.projects, project_id);
    if (p < 0)
        return Refused(NoSuchProject(project_id));
    Project draft = ledger_.projects[static_cast<std::size_t>(p)];
    Milestone m = milestone;
    if (m.id.empty())
        m.id = NewMilestoneId(ledger_, draft);
    std::size_t at = index < 0 ? draft.milestones.size() : Clamp(index, draft.milestones.size());
    std::string name = m.name.empty() ? m.id : m.name;
    draft.milestones.insert(draft.milestones.begin() + static_cast<std::ptrdiff_t>(at), m);
    EditLabel label = Label("添加时间节点", "Add milestone", name);
    return CommitProject(context, static_cast<std::size_t>(p), std::move(draft), std::move(label),
                         IndexPath("milestones", at));
}

EditResult EditHistory::RemoveMilestone(const EditContext& context, const std::string& project_id,
                                        const std::string& milestone_id)
{
    int p = IndexOf(ledger_.projects, project_id);
    if (p < 0)
        return Refused(NoSuchProject(project_id));
    Project draft = ledger_.projects[static_cast<std::size_t>(p)];
    int k = IndexOf(draft.milestones, milestone_id);
    if (k < 0)
        return Refused(MakeDiagnostic("", "时间节点 " + QuoteForMessage(milestone_id) + " 不存在",
                                "there is no milestone " + QuoteForMessage(milestone_id)));
    const Milestone& m = draft.milestones[static_cast<std::size_t>(k)];
    EditLabel label = Label("删除时间节点", "Remove milestone", m.name.empty() ? m.id : m.name);
    draft.milestones.erase(draft.milestones.begin() + k);
    return CommitProject(context, static_cast<std::size_t>(p), std::move(draft), std::move(label), "");
}

EditResult EditHistory::MoveMilestone(const EditContext& context, const std::string& project_id,
                                      const std::string& milestone_id, int new_index)
{
    int p = IndexOf(ledger_.projects, project_id);
    if (p < 0)
        return Refused(NoSuchProject(project_id));
    Project draft = ledger_.projects[static_cast<std::size_t>(p)];
    int k = IndexOf(draft.milestones, milestone_id);
    if (k < 0)
        return Refused(MakeDiagnostic("", "时间节点 " + QuoteForMessage(milestone_id) + " 不存在",
                                "there is no milestone " + QuoteForMessage(milestone_id)));
    Milestone m = draft.milestones[static_cast<std::size_t>(k)];
    draft.milestones.erase(draft.milestones.begin() + k);
    std::size_t to = Clamp(new_index, draft.milestones.size());
    EditLabel label = Label("调整时间节点顺序", "Reorder milestone", m.name.empty() ? m.id : m.name);
    draft.milestones.insert(draft.milestones.begin() + static_cast<std::ptrdiff_t>(to), std::move(m));
    return CommitProject(context, static_cast<std::size_t>(p), std::move(draft), std::move(label), "");
}

EditResult EditHistory::UpsertReport(const EditContext& context, const std::string& project_id,
                                     const MonthlyReport& report)
{
    int p = IndexOf(ledger_.projects, project_id);
    if (p < 0)
        return Refused(NoSuchProject(project_id));
    if (report.month.year == 0 && report.month.month == 0)
        return Refused(MissingFieldMessage("month"));
    Project draft = ledger_.projects[static_cast<std::size_t>(p)];
    auto same_month = std::find_if(draft.reports.begin(), draft.reports.end(),
                                   [&](const MonthlyReport& r) { return r.month == report.month; });
    const bool replacing = same_month != draft.reports.end();
    std::size_t at = 0;
    if (replacing) {
        at = static_cast<std::size_t>(same_month - draft.reports.begin());
        *same_month = report;
    } else {
        // In month order, as Normalize would put it.
        auto after = std::upper_bound(draft.reports.begin(), draft.reports.end(), report,
                                      [](const MonthlyReport& a, const MonthlyReport& b) { return a.month < b.month; });
        at = static_cast<std::size_t>(after - draft.reports.begin());
        draft.reports.insert(after, report);
    }
    std::string month = report.month.ToString();
    std::string name = ShortName(draft.name, draft.id);
    EditLabel label = replacing ? EditLabel{"修改月报 " + month + " " + name, "Edit the " + month + " report of " + name}
                                : EditLabel{"填报月报 " + month + " " + name, "Enter the " + month + " report of " + name};
    return CommitProject(context, static_cast<std::size_t>(p), std::move(draft), std::move(label),
                         IndexPath("reports", at));
}

EditResult EditHistory::RemoveReport(const EditContext& context, const std::string& project_id, YearMonth month)
{
    int p = IndexOf(ledger_.projects, project_id);
    if (p < 0)
        return Refused(NoSuchProject(project_id));
    Project draft = ledger_.projects[static_cast<std::size_t>(p)];
    auto it = std::find_if(draft.reports.begin(), draft.reports.end(),
                           [&](const MonthlyReport& r) { return r.month == month; });
    if (it == draft.reports.end())
        return Refused(MakeDiagnostic("", "项目没有 " + month.ToString() + " 的月报", "the project has no report for " + month.ToString()));
    draft.reports.erase(it);
    std::string name = ShortName(draft.name, draft.id);
    EditLabel label{"删除月报 " + month.ToString() + " " + name, "Remove the " + month.ToString() + " report of " + name};
    return CommitProject(context, static_cast<std::size_t>(p), std::move(draft), std::move(label), "");
}

//-----------------------------------------------------------------------------
// [SECTION] Commands: problems
//-----------------------------------------------------------------------------

EditResult EditHistory::AssignProblem(const EditContext& context, const Problem& draft, const std::string& by,
                                      const std::string& note)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    Problem p;
    p.id = draft.id.empty() ? NewProblemId(ledger_) : draft.id;
    p.project_id = draft.project_id;
    p.category = draft.category;
    p.text = draft.text;
    p.responsible_unit_id = draft.responsible_unit_id;
    p.assigned_date = draft.assigned_date;
    p.deadline = draft.deadline;
    p.extra = draft.extra;
    p.state = ProblemState::Assigned;
    ProblemAction assign;
    assign.kind = ActionKind::Assign;
    assign.date = draft.assigned_date;
    assign.by = by;
    assign.text = note;
    assign.id = NewActionId(ledger_, p);
    Stamp(assign.stamp, 0, context);
    p.history.push_back(std::move(assign));
    Findings findings = ValidateProblem(ledger_, p, "");
    for (Diagnostic& d : Utf8Errors(p))
        findings.errors.push_back(std::move(d));
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(findings.warnings));
    Stamp(p.stamp, 0, context);
    Step step;
    step.label = Label("交办问题", "Assign problem", p.id);
    Change c;
    c.slot = Slot::Problem;
    c.index = ledger_.problems.size();
    EditResult result;
    result.id = p.id;
    result.warnings = std::move(findings.warnings);
    c.problem_after = std::move(p);
    step.changes.push_back(std::move(c));
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::ApplyProblemAction(const EditContext& context, const std::string& problem_id,
                                           const ProblemActionInput& action)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    Findings check = CheckProblemAction(ledger_, problem_id, action);
    if (check.HasErrors())
        return Refused(std::move(check.errors), std::move(check.warnings));
    std::size_t index = static_cast<std::size_t>(IndexOf(ledger_.problems, problem_id));
    const Problem& before = ledger_.problems[index];
    Problem after = before;
    ProblemAction step_record;
    step_record.id = NewActionId(ledger_, before);
    step_record.kind = action.kind;
    step_record.date = action.date;
    step_record.by = action.by;
    step_record.text = action.text;
    Stamp(step_record.stamp, 0, context);
    after.history.push_back(std::move(step_record));
    after.state = *ApplyAction(before.state, action.kind).next;
    ValidateOptions options;
    options.self_index = static_cast<int>(index);
    Findings findings = ValidateProblem(ledger_, after, "", options);
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(check.warnings));
    Stamp(after.stamp, before.stamp.revision, context);
    Step step;
    step.label = EditLabel{std::string(ChineseLabel(action.kind)) + "问题 " + problem_id,
                           std::string(EnglishVerb(action.kind)) + " problem " + problem_id};
    Change c;
    c.slot = Slot::Problem;
    c.index = index;
    c.problem_before = before;
    c.problem_after = std::move(after);
    step.changes.push_back(std::move(c));
    EditResult result;
    result.id = problem_id;
    result.warnings = std::move(check.warnings);   // the history's own warning is the same one, at "date"
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::EditProblem(const EditContext& context, const std::string& problem_id, const Problem& draft)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    int index = IndexOf(ledger_.problems, problem_id);
    if (index < 0)
        return Refused(NoSuchProblem(problem_id));
    const Problem& before = ledger_.problems[static_cast<std::size_t>(index)];
    if (SameEditableFields(draft, before))
        return Unchanged(problem_id);
    Problem after = before;
    after.project_id = draft.project_id;
    after.category = draft.category;
    after.text = draft.text;
    after.responsible_unit_id = draft.responsible_unit_id;
    after.assigned_date = draft.assigned_date;
    after.deadline = draft.deadline;
    after.extra = draft.extra;
    ValidateOptions options;
    options.self_index = index;
    Findings findings = ValidateProblem(ledger_, after, "", options);
    for (Diagnostic& d : Utf8Errors(after))
        findings.errors.push_back(std::move(d));
    if (findings.HasErrors())
        return Refused(std::move(findings.errors), std::move(findings.warnings));
    Stamp(after.stamp, before.stamp.revision, context);
    Step step;
    step.label = Label("编辑问题", "Edit problem", problem_id);
    Change c;
    c.slot = Slot::Problem;
    c.index = static_cast<std::size_t>(index);
    c.problem_before = before;
    c.problem_after = std::move(after);
    step.changes.push_back(std::move(c));
    EditResult result;
    result.id = problem_id;
    result.warnings = std::move(findings.warnings);
    return Commit(std::move(step), std::move(result));
}

EditResult EditHistory::RemoveProblem(const EditContext& context, const std::string& problem_id)
{
    EditResult refused;
    if (!CheckContext(context, refused))
        return refused;
    int index = IndexOf(ledger_.problems, problem_id);
    if (index < 0)
        return Refused(NoSuchProblem(problem_id));
    Step step;
    step.label = Label("删除问题", "Remove problem", problem_id);
    Change c;
    c.slot = Slot::Problem;
    c.index = static_cast<std::size_t>(index);
    c.problem_before = ledger_.problems[static_cast<std::size_t>(index)];
    step.changes.push_back(std::move(c));
    EditResult result;
    result.id = problem_id;
    return Commit(std::move(step), std::move(result));
}

//-----------------------------------------------------------------------------
// [SECTION] Helpers for the views
//-----------------------------------------------------------------------------

std::vector<ActionKind> LegalActions(ProblemState state)
{
    std::vector<ActionKind> legal;
    for (ActionKind kind : {ActionKind::Assign, ActionKind::Accept, ActionKind::Feedback, ActionKind::Supervise,
                            ActionKind::CloseOut, ActionKind::Reopen})
        if (ApplyAction(state, kind).next)
            legal.push_back(kind);
    return legal;
}

namespace {

bool IsBlank(const std::string& text)
{
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    return true;
}

} // namespace

Findings CheckProblemAction(const Ledger& ledger, const std::string& problem_id, const ProblemActionInput& action)
{
    Findings out;
    int index = IndexOf(ledger.problems, problem_id);
    if (index < 0) {
        out.errors.push_back(NoSuchProblem(problem_id));
        return out;
    }
    const Problem& p = ledger.problems[static_cast<std::size_t>(index)];
    TransitionResult step = ApplyAction(p.state, action.kind);
    if (!step.next)
        out.errors.push_back(MakeDiagnostic("kind", step.reason_zh, step.reason_en));
    if (action.date.year == 0 && action.date.month == 0 && action.date.day == 0)
        out.errors.push_back(MissingFieldMessage("date"));
    else if (!Date::Parse(action.date.ToString()))
        out.errors.push_back(MakeDiagnostic("date", "日期不存在：" + QuoteForMessage(action.date.ToString()),
                                      "no such date: " + QuoteForMessage(action.date.ToString())));
    else if (!p.history.empty() && action.date < p.history.back().date)
        out.warnings.push_back(MakeDiagnostic("date",
                                        "处理日期 " + action.date.ToString() + " 早于上一步的 " + p.history.back().date.ToString(),
                                        "action date " + action.date.ToString() + " is before the previous action's " +
                                            p.history.back().date.ToString()));
    CheckUtf8(action.by, "by", out.errors);
    CheckUtf8(action.text, "text", out.errors);
    if (action.kind == ActionKind::CloseOut) {
        // 销号 is the record of who closed the problem and how: both are required.
        if (IsBlank(action.by))
            out.errors.push_back(MakeDiagnostic("by", "销号须写明销号单位或人员", "closing out needs who closed the problem"));
        if (IsBlank(action.text))
            out.errors.push_back(MakeDiagnostic("text", "销号须写明问题如何解决", "closing out needs how the problem was solved"));
    }
    return out;
}

std::string NewProjectId(const Ledger& ledger)
{
    std::unordered_set<std::string_view> taken;
    for (const Project& p : ledger.projects)
        taken.insert(p.id);
    std::string sample = ledger.projects.empty() ? std::string() : ledger.projects.back().id;
    return FreshId(sample, "P000", [&](const std::string& id) { return taken.count(id) > 0; });
}

std::string NewProblemId(const Ledger& ledger)
{
    std::unordered_set<std::string_view> taken;
    for (const Problem& p : ledger.problems)
        taken.insert(p.id);
    std::string sample = ledger.problems.empty() ? std::string() : ledger.problems.back().id;
    return FreshId(sample, "Q000", [&](const std::string& id) { return taken.count(id) > 0; });
}

std::string NewMilestoneId(const Ledger& ledger, const Project& project)
{
    std::unordered_set<std::string_view> taken;
    for (const Project& p : ledger.projects)
        for (const Milestone& m : p.milestones)
            taken.insert(m.id);
    std::string sample;
    for (const Milestone& m : project.milestones) {
        taken.insert(m.id);
        if (!m.id.empty())
            sample = m.id;
    }
    return FreshId(sample, project.id + "-M0", [&](const std::string& id) { return taken.count(id) > 0; });
}

} // namespace kpl
