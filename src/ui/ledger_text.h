// Every piece of text a ledger can put on screen, for the font module's glyph set: the atlas holds
// exactly the characters in use, so a newly opened ledger's rare characters (醴, 攸, 渌...) render.
// UI module, no ImGui: standard library and core only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>

#include "core/model.h"

namespace kpl::ui {

// Visits each string field of the ledger (names, titles, texts, dates as shown), plus the labels
// the core gives its enumerations. Unknown fields kept for round-tripping are not shown, so they
// are not visited.
void ForEachLedgerString(const Ledger& ledger, const std::function<void(std::string_view)>& visit);

// ForEachLedgerString for a ledger that changes by edits: visits only the text of projects and
// problems it has not visited in this very form, so one edit costs one record, not the ledger.
// A record's form is its ID, its stamp (revision, modified_by, modified_at: every edit of a project,
// its milestones or reports, or of a problem or its history moves them) and its text's length.
// Undo and redo bring back forms already seen, so they visit nothing. The small rest of the ledger
// (meta, task force, districts, departments, leaders) is visited every time.
class LedgerTextScanner {
public:
    // Visits what is new since the last call (everything on the first call and after Reset).
    void VisitNew(const Ledger& ledger, const std::function<void(std::string_view)>& visit);
    // Forget what was seen: for another ledger (open, restore), whose records may share IDs and stamps.
    void Reset() { seen_.clear(); }
    // Projects and problems the last VisitNew visited, for tests and the performance notes.
    std::size_t RecordsVisitedLastTime() const { return records_visited_; }

private:
    // 64-bit hashes of the forms seen (std::hash is 32-bit in wasm32: too narrow for 10^5 forms).
    std::unordered_set<uint64_t> seen_;
    std::size_t records_visited_ = 0;
};

// The labels of every enumeration value (status, categories, states...), whatever the ledger holds.
void ForEachEnumLabel(const std::function<void(std::string_view)>& visit);

} // namespace kpl::ui
