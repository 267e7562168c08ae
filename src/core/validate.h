// The rules a ledger's records must follow, checked on the typed model (not on JSON), so that the
// loader and the editor apply the same rules with the same messages. Errors make a ledger invalid
// (the loader refuses the file, the editor refuses the edit); warnings flag legal but suspicious data.
// Core module: standard library only (plus model.h and the Diagnostic of ledger_json.h).
//
// Paths: every finding names the field it is about. A record validated with path_prefix "" gives
// paths relative to the record ("plan_wan", "reports[2].percent_complete"), which the editor uses
// to show a message next to its field; with path_prefix "projects[3]" they are the file's JSON
// paths ("projects[3].plan_wan"), which the loader reports.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ledger_json.h"
#include "model.h"

namespace kpl {

struct Findings {
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;

    bool HasErrors() const { return !errors.empty(); }
    bool empty() const { return errors.empty() && warnings.empty(); }
    void Append(Findings other);

    // The findings about one field: its path exactly, or also those of everything under it when
    // `nested` ("reports" then also gives "reports[2].month"). Pointers into this object.
    std::vector<const Diagnostic*> ErrorsAt(std::string_view path, bool nested = false) const;
    std::vector<const Diagnostic*> WarningsAt(std::string_view path, bool nested = false) const;
};

// How one record is checked.
struct ValidateOptions {
    // The record's position in its list when it stands for the record there (an editor's draft of
    // ledger.projects[3]: 3), or -1 for a record that is not in the ledger yet. ID uniqueness is
    // checked against every other record; the ledger is taken to be valid, so IDs the draft keeps
    // from the record at self_index are not looked for again (that keeps checking a draft cheap in
    // a ledger of 10,000 projects). A draft's new milestone needs an ID before it is checked
    // (NewMilestoneId in edit.h); the edit commands fill empty ones themselves.
    int self_index = -1;
    // Whether to check that the record's IDs (its own, its milestones' or actions') are unused
    // elsewhere in the ledger. ValidateLedger turns it off: it checks all IDs at once, in file order.
    bool check_unique_ids = true;
    // Paths, relative to the record, whose values could not be read: the loader's fields with JSON
    // errors, an editor's text box holding something that is not a number. Rules that read such a
    // field are skipped, so no finding is drawn from a placeholder value. A path covers everything
    // under it ("reports[2]" covers "reports[2].month"); "" covers the whole record.
    std::vector<std::string> unreadable;
};

// One project: IDs, money not negative, percent 0..100, start year, references to its district,
// department and city leader, milestones (IDs, dates), reports (months present and unique), and
// the warnings (completed more than total, funds in place above required, percent going down,
// reports out of order or outside the year, status completed below 100 percent...).
Findings ValidateProject(const Ledger& ledger, const Project& project, const std::string& path_prefix,
                         const ValidateOptions& options = {});

// One problem: ID, references to its project and responsible unit, dates (deadline not before the
// assigned date), history legal step by step per problem_lifecycle and ending in `state`, action IDs.
Findings ValidateProblem(const Ledger& ledger, const Problem& problem, const std::string& path_prefix,
                         const ValidateOptions& options = {});

// The ledger's meta (year 1900..2100, money unit 万元) and settings (thresholds 0..100, red not
// below yellow, counts and weights not negative). path_prefix is usually "meta" / "settings".
Findings ValidateMeta(const LedgerMeta& meta, const std::string& path_prefix,
                      const std::vector<std::string>& unreadable = {});
Findings ValidateSettings(const Settings& settings, const std::string& path_prefix,
                          const std::vector<std::string>& unreadable = {});

// The whole ledger: every record above plus what spans records (IDs unique in their list, the
// first use winning; milestone and action IDs unique in the ledger; department and district IDs
// distinct; task-force member units existing and listed once). `unreadable` lists full paths
// ("projects[3].plan_wan", "problems[1]") whose values could not be read. Findings come per list in
// ledger order.
Findings ValidateLedger(const Ledger& ledger, const std::vector<std::string>& unreadable = {});

//-----------------------------------------------------------------------------
// Shared pieces: used by the loader for its JSON-level checks and by the editor for its inputs, so
// that an ID or a value is judged, and quoted, in one way.
//-----------------------------------------------------------------------------

constexpr std::size_t kMaxIdLength = 64;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// Letters, digits, _ . - only, starting with a letter or digit, at most 64 characters.
bool IsValidId(std::string_view id);
// A value quoted for a message: JSON-escaped and cut short (at a character boundary) when long.
std::string QuoteForMessage(std::string_view text);

// Paths: JoinPath("projects[3]", "plan_wan") == "projects[3].plan_wan", JoinPath("", "plan_wan") ==
// "plan_wan"; IndexPath("reports", 2) == "reports[2]".
std::string JoinPath(const std::string& base, std::string_view key);
std::string IndexPath(const std::string& base, std::size_t index);

// The messages of rules that both the loader (on the file's text) and the validator (on the typed
// value) apply. `value_text` is the value as the user wrote it.
Diagnostic InvalidIdMessage(const std::string& path, std::string_view id);
Diagnostic NegativeMoneyMessage(const std::string& path, const std::string& value_text);
Diagnostic OutOfRangeMessage(const std::string& path, const std::string& min_text, const std::string& max_text,
                             const std::string& value_text);   // "应在 0 到 100 之间，实际为 120"
Diagnostic NotNegativeMessage(const std::string& path, const std::string& value_text);      // "不能为负数"
Diagnostic IntegerAtLeastMessage(const std::string& path, long long min, const std::string& value_text);
Diagnostic MissingFieldMessage(const std::string& path);                                    // "缺少必填字段"
Diagnostic EmptyReferenceMessage(const std::string& path);                                  // "引用的 ID 不能为空"

// A figure kept to 0.01 (percentages, thresholds) as written in files and messages: 37.5 -> "37.5".
std::string HundredthsText(double value);

} // namespace kpl
