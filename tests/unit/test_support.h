// Helpers shared by the unit tests: fixture files, mutated copies of the good ledger, and finding
// a diagnostic by path. Test code only.
#pragma once
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "ledger_json.h"

namespace kpl_test {

// KPL_TEST_DATA_DIR is tests/data/unit in the source tree (the wasm build reads it through Node's
// file system).
inline std::string ReadDataFile(const std::string& name)
{
    std::ifstream in(std::string(KPL_TEST_DATA_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing test data file " << name);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// tests/data/unit/good.json: a small, valid ledger in the canonical layout.
inline const std::string& GoodText()
{
    static const std::string text = ReadDataFile("good.json");
    return text;
}

// The good ledger with one change, re-serialised compactly (key order kept).
inline std::string Mutated(const std::function<void(nlohmann::ordered_json&)>& change)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(GoodText());
    change(j);
    return j.dump();
}

// The diagnostic with this path, or nullptr.
inline const kpl::Diagnostic* FindDiagnostic(const std::vector<kpl::Diagnostic>& list, const std::string& path)
{
    for (const kpl::Diagnostic& d : list)
        if (d.path == path)
            return &d;
    return nullptr;
}

inline std::string Describe(const std::vector<kpl::Diagnostic>& list)
{
    std::string out;
    for (const kpl::Diagnostic& d : list)
        out += "  " + d.ToString() + "\n";
    return out.empty() ? "  (none)\n" : out;
}

} // namespace kpl_test
