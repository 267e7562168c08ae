// Small display formatting shared by the views (percentages, months, counts). Money is formatted
// by core (Money::ToDisplay, ToYiDisplay); this adds only what is display-specific.
// UI module, no ImGui: standard library and core only.
#pragma once
#include <optional>
#include <string>

#include "core/date.h"

namespace kpl::ui {

// "45.3%" with one decimal; `missing` (e.g. "—") when there is no value (a zero plan).
std::string FormatPercent(std::optional<double> percent, const char* missing);

// printf into a std::string (formats come from the string catalogue).
std::string Format(const char* format, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

// The file name File › Save offers: the open file's name with its extension replaced by ".json"
// ("ledger.json" stays, "台账" becomes "台账.json", "" becomes "ledger.json").
std::string DownloadName(const std::string& file_name);

} // namespace kpl::ui
