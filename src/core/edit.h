// Editing the open ledger: one command per user action, each checked by the rules of validate.h
// before it is applied, stamped (rev, modified_by, modified_at) and recorded for undo / redo.
// Views never change the ledger themselves: they edit a draft copy of a record and hand it to a
// command. Core module: standard library only (plus model.h, validate.h, problem_lifecycle.h).
//
// Every command either changes the ledger as asked or changes nothing: refused, EditResult::errors
// say why, each at the path of its field (validate.h) relative to what the command took: the
// project (AddProject, ReplaceProject, the milestone and report commands' own project), the
// milestone (AddMilestone), the report (UpsertReport), the action form (ApplyProblemAction: "kind",
// "date", "by", "text"), the problem (AssignProblem, EditProblem), the meta or settings; "" when
// the command as a whole is refused (no such project). Text that is not UTF-8 is refused too, so a
// ledger saved from the editor always loads. An applied command:
//   - stamps each record it changed, and the project or problem that holds it: rev + 1 (1 for a new
//     record), modified_by = EditContext::actor, modified_at = EditContext::timestamp. Core reads no
//     clock: the caller passes the time. Settings have no stamp;
//   - bumps ledger.revision by one;
//   - carries a label in Chinese and English for the undo list ("编辑项目 湘江风光带提质改造");
//   - keeps figures to 0.01 and reports in month order, as a saved file would.
// Undo puts back exactly what was there before (records, stamps, order, revision); redo puts back
// exactly the state after, stamps included. A command that would change nothing is not recorded.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ledger_json.h"
#include "model.h"
#include "validate.h"

namespace kpl {

// Who edits and when; written into the stamps of the records an edit touches.
struct EditContext {
    std::string actor;       // a unit or role, e.g. "市住建局"; may be empty
    std::string timestamp;   // ISO 8601 with a zone, e.g. "2016-07-05T09:30:00+08:00"; may be empty
};

struct EditLabel {
    std::string zh;
    std::string en;
};

struct EditResult {
    bool applied = false;              // the ledger changed and an undo step was recorded
    bool unchanged = false;            // nothing to do: the record already reads so (not an error)
    std::string id;                    // ID of the record created or changed (new project, problem...)
    std::vector<Diagnostic> errors;    // why it was refused; empty when applied or unchanged
    std::vector<Diagnostic> warnings;  // suspicious but accepted, about the records changed
};

// One step of a problem's life as the problems board enters it.
struct ProblemActionInput {
    ActionKind kind = ActionKind::Accept;
    Date date;                         // required
    std::string by;                    // unit or role acting; required for close_out (销号)
    std::string text;                  // note; for close_out, how it was solved (required)
};

class EditHistory {
public:
    EditHistory();
    explicit EditHistory(Ledger ledger);
    ~EditHistory();
    EditHistory(EditHistory&&) noexcept;
    EditHistory& operator=(EditHistory&&) noexcept;
    EditHistory(const EditHistory&) = delete;
    EditHistory& operator=(const EditHistory&) = delete;

    // A ledger opened from a file (`saved` true: no unsaved changes) or restored from the browser's
    // storage (`saved` false: the work is not in any file yet). Clears undo and redo.
    void Reset(Ledger ledger, bool saved = true);
    const Ledger& ledger() const { return ledger_; }

    // Changes whenever the ledger does (apply, undo, redo, reset): the key for caches such as
    // ProjectIndex. Not ledger.revision, which undo winds back and a new edit reuses.
    uint64_t Generation() const { return generation_; }

    // --- ledger-wide records
    EditResult SetMeta(const EditContext& context, const LedgerMeta& meta);
    // Settings carry no stamp: only ledger.revision is bumped.
    EditResult SetSettings(const EditContext& context, const Settings& settings);

    // --- projects. A project is named by its ID as it is in the ledger now.
    // Inserted at `index` (-1: at the end). An empty project ID, milestone ID gets a fresh one.
    EditResult AddProject(const EditContext& context, const Project& project, int index = -1);
    // Several projects appended in one step (a spreadsheet import), labelled with their count.
    // Each is checked as AddProject checks one, against the ledger and the ones before it; any error
    // refuses them all, at paths "[k]" + the field (k the project's place in `projects`). Empty IDs
    // get fresh ones; result.id is the first project's.
    EditResult AddProjects(const EditContext& context, const std::vector<Project>& projects);
    // The whole edited record (the editor's draft). Milestones with an empty ID get a fresh one; the
    // milestones and reports that differ from before are stamped along with the project. Changing
    // the ID is refused while problems refer to the project.
    EditResult ReplaceProject(const EditContext& context, const std::string& project_id, const Project& project);
    // Removes the project and the problems assigned about it, in one step.
    EditResult RemoveProject(const EditContext& context, const std::string& project_id);
    // Moves the project to `new_index` in the list (clamped to the list); the project is stamped.
    EditResult MoveProject(const EditContext& context, const std::string& project_id, int new_index);

    // --- milestones and reports of one project (the same as ReplaceProject with a changed copy,
    // with their own labels)
    EditResult AddMilestone(const EditContext& context, const std::string& project_id, const Milestone& milestone,
                            int index = -1);
    EditResult RemoveMilestone(const EditContext& context, const std::string& project_id, const std::string& milestone_id);
    EditResult MoveMilestone(const EditContext& context, const std::string& project_id, const std::string& milestone_id,
                             int new_index);
    // The report for report.month replaces the one there or is inserted in month order.
    EditResult UpsertReport(const EditContext& context, const std::string& project_id, const MonthlyReport& report);
    EditResult RemoveReport(const EditContext& context, const std::string& project_id, YearMonth month);

    // --- problems (交办问题)
    // Creates the problem from the draft's project, category, text, responsible unit, assigned date
    // and deadline, with its first action "assign" (交办) dated the assigned date, by `by`, with
    // `note`; state "assigned". An empty draft ID gets a fresh one. Appended to the list.
    EditResult AssignProblem(const EditContext& context, const Problem& draft, const std::string& by,
                             const std::string& note);
    // Appends one action to the history and moves the state along the lifecycle. Refused with the
    // lifecycle's reason (path "kind") when illegal in the current state; close_out needs `by` and
    // `text`; the date must be set (and a date before the previous action's is a warning).
    EditResult ApplyProblemAction(const EditContext& context, const std::string& problem_id,
                                  const ProblemActionInput& action);
    // Takes the draft's project, category, text, responsible unit, dates and unknown members; the
    // ID, state and history stay (they change through actions only).
    EditResult EditProblem(const EditContext& context, const std::string& problem_id, const Problem& draft);
    EditResult RemoveProblem(const EditContext& context, const std::string& problem_id);

    // --- published rankings (发布): the office's record of a month's rankings (ranking.h ToPublished)
    // Stores `rankings` for its month, replacing an earlier publication of that month, in month
    // order; published_at and published_by are the context's timestamp and actor (a publication
    // needs a timestamp). Refused when the month is outside the ledger's year or a unit does not
    // exist; unchanged when the same figures are already published for the month.
    EditResult PublishRankings(const EditContext& context, PublishedRankings rankings);
    // Removes the month's publication (its rankings are computed again from then on).
    EditResult WithdrawRankings(const EditContext& context, YearMonth month);

    // --- whole-ledger steps (merge.h: importing a package, resolving a conflict)
    // Replaces the ledger with `after`, which the caller has built and checked (it must load as a
    // file would), as one undoable step with `label`; revision becomes the current one + 1. A
    // ledger equal to the current one (revision aside) records nothing and reports `unchanged`.
    EditResult ReplaceWholeLedger(const EditContext& context, Ledger after, EditLabel label);

    // --- undo / redo
    bool CanUndo() const;
    bool CanRedo() const;
    bool Undo();   // false when there is nothing to undo
    bool Redo();
    // Label of the step Undo / Redo would take; nullptr when none.
    const EditLabel* UndoLabel() const;
    const EditLabel* RedoLabel() const;
    // All steps, the next one first (for an undo list).
    std::vector<EditLabel> UndoLabels() const;
    std::vector<EditLabel> RedoLabels() const;
    // Oldest steps beyond the limit are forgotten (default 500).
    void SetUndoLimit(std::size_t limit);

    // --- unsaved changes
    // The current state is what is in the file now (after Save / Save As).
    void MarkSaved();
    // Whether the current state differs from the saved one: undoing back to it clears the flag,
    // redoing away sets it again; once the saved state can no longer be reached (undone, then a
    // new edit), it stays set until the next MarkSaved.
    bool IsDirty() const;

private:
    struct Step;  // one command: its label and the records before and after (edit.cpp)

    EditResult Commit(Step&& step, EditResult result);
    void Apply(const Step& step, bool forward);
    EditResult CommitProject(const EditContext& context, std::size_t index, Project draft, EditLabel label,
                             const std::string& focus);
    EditResult CommitPublished(EditLabel label, std::vector<PublishedRankings> after);

    uint64_t CurrentSerial() const;

    Ledger ledger_;
    std::vector<Step> undo_;   // oldest first; back() is undone next
    std::vector<Step> redo_;   // back() is redone next
    std::size_t undo_limit_ = 500;
    uint64_t generation_ = 1;
    // Every state the ledger can be in is named by a serial: the state after Reset by base_serial_,
    // the state after a step by the step's serial. Dirty = the current serial is not the saved one.
    uint64_t next_serial_ = 1;
    uint64_t base_serial_ = 0;     // the state with nothing left to undo
    uint64_t saved_serial_ = 0;    // the state that is in the file; kNotSaved when none is
};

// --- helpers for the views

// The actions legal in `state` (for the buttons of the problems board), in lifecycle order.
std::vector<ActionKind> LegalActions(ProblemState state);

// What ApplyProblemAction would say about this action, without applying it: errors (lifecycle,
// required fields) and warnings (date before the previous action). Paths: "kind", "date", "by",
// "text". A problem that does not exist gives an error at "".
Findings CheckProblemAction(const Ledger& ledger, const std::string& problem_id, const ProblemActionInput& action);

// Fresh IDs in the style of the ledger's own ("P153" -> "P154", "q-007" -> "q-008").
std::string NewProjectId(const Ledger& ledger);
std::string NewProblemId(const Ledger& ledger);
std::string NewMilestoneId(const Ledger& ledger, const Project& project);

} // namespace kpl
