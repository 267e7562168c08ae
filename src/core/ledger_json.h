// The ledger file format v1 (docs/ledger-format.md): strict loading with every error reported at
// once, and deterministic saving. Core module: standard library, nlohmann/json only.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace kpl {

// One finding about a file: where (a JSON path such as "projects[12].plan_wan", or "" for the
// whole file; line/column for malformed JSON) and what, in Chinese and English.
struct Diagnostic {
    std::string path;
    std::string message_zh;
    std::string message_en;
    int line = 0;     // 1-based; 0 when not known
    int column = 0;   // 1-based; 0 when not known

    // "projects[12].plan_wan: 应为数字，实际为字符串 / expected a number, got a string"
    // (for malformed JSON: "line 3, column 7: ..." in place of the path).
    std::string ToString() const;
};

struct LoadResult {
    std::optional<Ledger> ledger;          // present only when there are no errors
    std::vector<Diagnostic> errors;        // every error, up to the cap
    std::vector<Diagnostic> warnings;      // suspicious but legal data
    bool errors_truncated = false;         // more errors than the cap were found
    bool ok() const { return ledger.has_value(); }
};

constexpr std::size_t kDefaultErrorCap = 200;

// Parses and validates a whole file. Never throws; never touches any ledger already open.
LoadResult LoadLedger(std::string_view file_bytes, std::size_t error_cap = kDefaultErrorCap);

// Serialises deterministically: fixed key order, records in ledger order, 2-space indent, UTF-8,
// money with at most two decimals, a final newline. Loading what this wrote and saving it again
// gives the same bytes.
std::string SaveLedger(const Ledger& ledger);

} // namespace kpl
