// Every piece of text a ledger can put on screen, for the font module's glyph set: the atlas holds
// exactly the characters in use, so a newly opened ledger's rare characters (醴, 攸, 渌...) render.
// UI module, no ImGui: standard library and core only.
#pragma once
#include <functional>
#include <string_view>

#include "core/model.h"

namespace kpl::ui {

// Visits each string field of the ledger (names, titles, texts, dates as shown), plus the labels
// the core gives its enumerations. Unknown fields kept for round-tripping are not shown, so they
// are not visited.
void ForEachLedgerString(const Ledger& ledger, const std::function<void(std::string_view)>& visit);

// The labels of every enumeration value (status, categories, states...), whatever the ledger holds.
void ForEachEnumLabel(const std::function<void(std::string_view)>& visit);

} // namespace kpl::ui
