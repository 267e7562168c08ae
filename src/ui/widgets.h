// Small input widgets the editors share: a date field (typed ISO text plus a year / month / day
// picker), a money field (typed 万元 text), and the findings of validate.h shown under a field.
// Each returns true when the user finished a change (field deactivated after an edit, or a choice
// made in the picker): the moment to commit one edit command, never per keystroke.
// UI module: ImGui, core.
#pragma once
#include <optional>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/validate.h"

namespace kpl::ui {

// `text` is the field's buffer (kept by the caller between frames). On a finished change `date` is
// set from it (empty text: absent when `optional`); `bad` tells the text is no valid date.
bool DateField(const char* id, std::string& text, std::optional<Date>& date, bool optional, bool& bad,
               float width);

// The same for an amount of 万元 (at most two decimals).
bool MoneyField(const char* id, std::string& text, Money& money, bool& bad, float width);

// The errors (red) and warnings (amber) at `path`, each on its own line, in the current language;
// `bad_text` shows first when the field's text could not be read at all.
void FieldFindings(const Findings& findings, const std::string& path, bool nested = false,
                   const char* bad_text = nullptr);

// A diagnostic's message in the current language.
const std::string& MessageOf(const Diagnostic& diagnostic);

} // namespace kpl::ui
