// Sharing a ledger between the office and the departments (docs/ledger-format.md §14): report
// packages (a department's field-level changes since the ledger revision it received), importing
// them into the office's ledger field by field, the three-way merge of whole ledgers, ownership,
// and the conflicts and pending items that stay listed in the ledger until the office decides.
// Core module: standard library and nlohmann/json only.
//
// Records are named by a key of list names and IDs: "projects/P001", "projects/P001/milestones/P001-M1",
// "projects/P001/reports/2016-04" (a report's key is its month), "problems/Q001",
// "problems/Q001/history/Q001-A1", "districts/D-LL", "departments/U-ZJJ", "city_leaders/CL-01",
// "task_force/roles/R-01", and the single records "meta", "task_force", "settings" and "ledger" (the
// top-level unknown members). A field is a member name of the record ("plan_wan", an unknown
// "x_note"); in "settings" a member of a group is "group.member" ("warnings.behind_red_points").
// Values are JSON as the file writes them; null stands for an absent member.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit.h"
#include "ledger_json.h"
#include "model.h"

namespace kpl {

constexpr const char* kPackageFormatName = "key-project-ledger-package";
constexpr int kPackageFormatVersion = 1;

enum class ChangeOp { Set, Add, Delete };  // JSON: "set" | "add" | "delete"

// One change of a package, from the base revision to the department's copy.
struct RecordChange {
    ChangeOp op = ChangeOp::Set;
    std::string record;            // record key, see above
    std::string field;             // Set: the field; Add / Delete: ""
    nlohmann::json base;           // Set: the base value (null: absent); Delete: the record's base fields
    nlohmann::json value;          // Set: the new value (null: removed); Add: the new record's fields
    std::string after;             // Add: the record before it in its list that the base has too ("" first)
    std::string before;            // Add: the base record after it ("" last)
    RecordStamp stamp;             // the record's stamp in the department's copy (Delete: the base's)
};

struct ReportPackage {
    std::string package_id;        // content-derived: the same changes give the same ID
    std::string ledger_id;
    int64_t base_revision = 0;     // the revision the department received
    int64_t revision = 0;          // the department copy's revision when exported
    std::string unit_id;           // the department (or district) sending it; "" = a whole ledger (merge)
    std::string exported_by;
    std::string exported_at;
    std::vector<RecordChange> changes;  // parents before children, then by record key and field
};

// Changes that turn `base` into `current`, as a package from `unit_id`. Errors (ledger_id differs,
// base newer than current) are returned in `errors` and the package is then empty.
ReportPackage MakePackage(const Ledger& base, const Ledger& current, const std::string& unit_id,
                          const std::string& exported_by, const std::string& exported_at,
                          std::vector<Diagnostic>* errors = nullptr);

std::string SavePackage(const ReportPackage& package);

struct PackageLoadResult {
    std::optional<ReportPackage> package;
    std::vector<Diagnostic> errors;        // path + zh/en, as the ledger loader's
    bool ok() const { return package.has_value(); }
};
PackageLoadResult LoadPackage(std::string_view bytes);

//-----------------------------------------------------------------------------
// The sharing state kept in the ledger (top-level member "sharing")
//-----------------------------------------------------------------------------

// One package's value for a conflicting field.
struct ConflictSide {
    std::string package_id;
    std::string unit_id;
    nlohmann::json base;          // the base value the package changed from
    nlohmann::json value;
    std::string modified_by;      // the record stamp in the package
    std::string modified_at;
};

struct MergeConflict {
    std::string record;
    std::string field;
    nlohmann::json base;          // the base of the first side (by package ID)
    nlohmann::json mine;          // the office's own value (null: none, the record came from packages)
    std::vector<ConflictSide> theirs;  // sorted by package ID; every value differs from `mine`
};

// A change the ledger holds back for the office: refused (ownership, lifecycle), a deletion to
// review, or an edit of a record this ledger no longer has.
enum class PendingKind { Refused, Deletion, Orphan };  // JSON: "refused" | "deletion" | "orphan"

struct PendingChange {
    PendingKind kind = PendingKind::Refused;
    std::string package_id;
    std::string unit_id;
    RecordChange change;
    std::string reason_zh;
    std::string reason_en;
};

// A field whose value came from packages (so a later package disagreeing with it is a conflict
// between packages, not with the office), with the office's value before.
struct ImportedField {
    std::string record;
    std::string field;
    nlohmann::json before;        // null when the record itself came from a package
    nlohmann::json value;
    std::vector<ConflictSide> sources;     // the packages that brought it, sorted by package ID
};

struct ImportedPackage {
    std::string package_id;
    std::string unit_id;
    int64_t base_revision = 0;
    std::string exported_by;
    std::string exported_at;
};

struct SharingState {
    std::vector<ImportedPackage> imports;    // sorted by package ID
    std::vector<ImportedField> imported;     // sorted by record, field
    std::vector<MergeConflict> conflicts;    // sorted by record, field
    std::vector<PendingChange> pending;      // sorted by record, field, package, kind
    bool empty() const { return imports.empty() && imported.empty() && conflicts.empty() && pending.empty(); }
};

// Reads ledger.extra["sharing"]; a malformed one gives errors at "sharing..." paths.
SharingState ReadSharing(const Ledger& ledger, std::vector<Diagnostic>* errors = nullptr);
void WriteSharing(Ledger& ledger, const SharingState& state);

//-----------------------------------------------------------------------------
// Ownership
//-----------------------------------------------------------------------------

// The unit owning a project or problem record (and everything under it): settings "ownership"
// first, else the project's department / the problem's responsible unit. "" for office records.
std::string OwnerOf(const Ledger& ledger, const std::string& record);

// Whether `unit_id` may make this change; when not, why (zh/en). The office's fields of a project
// (its plan) are listed in docs/ledger-format.md §14.
bool MayChange(const Ledger& ledger, const std::string& unit_id, const RecordChange& change, std::string* why_zh,
               std::string* why_en);

//-----------------------------------------------------------------------------
// Import and merge
//-----------------------------------------------------------------------------

struct AppliedChange {
    std::string record;
    std::string field;            // "" for a whole new record
    nlohmann::json value;
};

struct ImportSummary {
    std::string package_id;
    std::string unit_id;
    bool already_imported = false;        // the ledger had this package already: nothing changed
    std::vector<AppliedChange> applied;
    int unchanged = 0;                    // changes the ledger already had
    std::vector<MergeConflict> conflicts; // conflicts this package is part of (as they stand after it)
    std::vector<PendingChange> refused;   // refused and orphan changes
    std::vector<PendingChange> deletions; // deletions to review
};

// {"package_id", "unit_id", "already_imported", "applied": [...], "unchanged", "conflicts": [...],
//  "refused": [...with "reason_zh", "reason_en"], "deletions": [...]}
nlohmann::json SummaryToJson(const ImportSummary& summary);
nlohmann::json ConflictToJson(const MergeConflict& conflict);
nlohmann::json PendingToJson(const PendingChange& pending);

struct ImportResult {
    std::optional<Ledger> ledger;         // present when the import worked (possibly unchanged)
    bool changed = false;                 // the ledger (or its sharing state) changed: revision + 1
    ImportSummary summary;
    std::vector<Diagnostic> errors;       // why it could not be imported
};

// Imports a package into `ledger`. Ownership is checked when the package has a unit_id.
ImportResult ImportPackage(const Ledger& ledger, const ReportPackage& package);

// Three-way merge of whole ledgers: the changes from `base` to `theirs` imported into `mine`
// without ownership checks. Conflicts and pending deletions stay listed in the result.
ImportResult MergeLedgers(const Ledger& base, const Ledger& mine, const Ledger& theirs);

// Every record of a ledger by record key, with its fields (stamps, IDs and nested lists aside).
std::map<std::string, nlohmann::json> LedgerRecords(const Ledger& ledger);
// The value of a field in a ledger (null: absent, or no such record).
nlohmann::json FieldValue(const Ledger& ledger, const std::string& record, const std::string& field);
// Readable name of a record for lists and dialogs: "项目 P001 湘江风光带 › 月报 2016-04".
std::string RecordLabel(const Ledger& ledger, const std::string& record);

//-----------------------------------------------------------------------------
// The office's decisions: each is one undoable step of the EditHistory
//-----------------------------------------------------------------------------

// Imports a package as one undoable step ("导入报送包 U-ZJJ"). `summary` receives the summary.
EditResult ImportPackageEdit(EditHistory& history, const EditContext& context, const ReportPackage& package,
                             ImportSummary* summary = nullptr);
// Resolves the conflict on (record, field): side -1 keeps the ledger's value (用我的), side k takes
// theirs[k] (用对方的), stamping the record with the context.
EditResult ResolveConflictEdit(EditHistory& history, const EditContext& context, const std::string& record,
                               const std::string& field, int side);
// Decides pending item `index` (of ReadSharing().pending): accept applies it (a refused or orphan
// change is applied as an import without ownership; a deletion removes the record), otherwise
// it is dismissed and the ledger keeps its value.
EditResult DecidePendingEdit(EditHistory& history, const EditContext& context, std::size_t index, bool accept);

// The same decisions on a ledger value (for ledgertool and tests); errors when not possible.
ImportResult ResolveConflict(const Ledger& ledger, const EditContext& context, const std::string& record,
                             const std::string& field, int side);
ImportResult DecidePending(const Ledger& ledger, const EditContext& context, std::size_t index, bool accept);

} // namespace kpl
