// After one edit, only what the edit changed is worked again: the font book's text scan
// (LedgerTextScanner, src/ui/ledger_text.h) and the projects table's collation ranks (CollationMemo,
// src/ui/project_rows.h). The results must be those of a full pass.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "core/edit.h"
#include "test_ledgers.h"
#include "ui/ledger_text.h"
#include "ui/project_rows.h"

using namespace kpl;
using kpl::ui::BuildProjectTable;
using kpl::ui::CollationMemo;
using kpl::ui::LedgerTextScanner;
using kpl_test::SmallLedger;

namespace {

const EditContext kContext{"市住建局", "2016-07-05T09:30:00+08:00"};

std::set<std::string> Visited(LedgerTextScanner& scanner, const Ledger& ledger)
{
    std::set<std::string> texts;
    scanner.VisitNew(ledger, [&](std::string_view text) { texts.emplace(text); });
    return texts;
}

// A collator standing in for the browser's: counts its calls and what it was given. Case-blind, so
// that different strings can tie, as "01" and "1" do under the browser's numeric collation.
struct CountingCollator {
    std::vector<std::vector<std::string>> calls;
    static std::string Folded(const std::string& s)
    {
        std::string f = s;
        for (char& c : f)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return f;
    }
    std::vector<uint32_t> operator()(const std::vector<std::string>& strings)
    {
        calls.push_back(strings);
        std::vector<uint32_t> ranks(strings.size(), 0);
        for (std::size_t i = 0; i < strings.size(); ++i)  // rank = how many sort strictly before
            for (const std::string& other : strings)
                if (Folded(other) < Folded(strings[i]))
                    ++ranks[i];
        return ranks;
    }
};

} // namespace

TEST_CASE("font text scan: an edit rescans the edited project only; undo and redo rescan nothing")
{
    EditHistory history(SmallLedger());
    const std::size_t records = history.ledger().projects.size() + history.ledger().problems.size();
    LedgerTextScanner scanner;

    std::set<std::string> all;
    ui::ForEachLedgerString(history.ledger(), [&](std::string_view text) { all.emplace(text); });
    CHECK(Visited(scanner, history.ledger()) == all);  // the first pass is the full one
    CHECK(scanner.RecordsVisitedLastTime() == records);  // every project and problem

    Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == 0);  // nothing changed

    Project draft = history.ledger().projects[1];
    draft.name = "渌口新城标准厂房";
    REQUIRE(history.ReplaceProject(kContext, "P002", draft).applied);
    std::set<std::string> after_edit = Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == 1);
    CHECK(after_edit.count("渌口新城标准厂房") == 1);
    CHECK(after_edit.count("湘江风光带提质改造") == 0);  // P001's name: not visited again
    CHECK(after_edit.count("测试台账") == 1);             // the title: the small rest, every time

    REQUIRE(history.Undo());
    Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == 0);  // P002 as it was before: seen at the start
    REQUIRE(history.Redo());
    Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == 0);  // P002 as edited: seen after the edit

    // Undo, then a different edit with the same stamp (same revision, actor, second): the length of
    // its text tells it apart ("攸" is 3 bytes where "渌口新城标准厂房" is 24).
    REQUIRE(history.Undo());
    draft.name = "攸";
    REQUIRE(history.ReplaceProject(kContext, "P002", draft).applied);
    std::set<std::string> second_edit = Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == 1);
    CHECK(second_edit.count("攸") == 1);

    // A problem's action stamps the problem: only it is visited.
    const std::string problem_id = history.ledger().problems[0].id;
    Problem problem = history.ledger().problems[0];
    problem.text = "征地拆迁：醴陵段待协调";
    REQUIRE(history.EditProblem(kContext, problem_id, problem).applied);
    std::set<std::string> after_problem = Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == 1);
    CHECK(after_problem.count("征地拆迁：醴陵段待协调") == 1);

    scanner.Reset();  // another ledger opened: everything again
    Visited(scanner, history.ledger());
    CHECK(scanner.RecordsVisitedLastTime() == records);
}

TEST_CASE("collation memo: ranks as a full build's; the collator only for a column with a new string")
{
    Ledger ledger = SmallLedger();
    // Codes that tie under the collator though their bytes differ.
    ledger.projects[0].code = "abc";
    ledger.projects[1].code = "ABC";
    ledger.projects[2].code = "b";  // P004 keeps "2014-430202-83-01-000789"
    EditHistory history(ledger);
    const int code = static_cast<int>(ProjectColumn::Code);
    const int name = static_cast<int>(ProjectColumn::Name);

    CountingCollator full_collator;
    auto full = [&](const Ledger& l) { return BuildProjectTable(l, std::ref(full_collator), "—"); };
    CountingCollator collator;
    CollationMemo memo;
    auto remembered = [&](const Ledger& l) { return BuildProjectTable(l, std::ref(collator), "—", &memo); };
    auto same_ranks = [](const ui::ProjectTable& a, const ui::ProjectTable& b) {
        for (int c = 0; c < static_cast<int>(ProjectColumn::Count); ++c)
            if (a.ranks[c] != b.ranks[c])
                return false;
        return true;
    };

    ui::ProjectTable first = remembered(history.ledger());
    CHECK(collator.calls.size() == 6);  // code, name, category, district, department, leader
    CHECK(same_ranks(first, full(history.ledger())));
    // Digits sort first: P004's "2014-..." is 0; "abc" and "ABC" tie at place 1; "b" follows all: 3.
    CHECK(first.ranks[code] == std::vector<uint32_t>{1, 1, 3, 0});

    remembered(history.ledger());
    CHECK(collator.calls.size() == 6);  // nothing new: no collator call

    // A new name: one call, the known names in their order first, the new one last.
    Project draft = history.ledger().projects[1];
    draft.name = "Aqueduct 渡槽";
    REQUIRE(history.ReplaceProject(kContext, "P002", draft).applied);
    ui::ProjectTable after_edit = remembered(history.ledger());
    REQUIRE(collator.calls.size() == 7);
    // Byte order of the remaining names: "攸" (E6 94 B8) before "湘" (E6 B9 98) before "芦" (E8 8A A6).
    CHECK(collator.calls.back() == std::vector<std::string>{"攸县湘东大道 Road Works", "湘江风光带提质改造",
                                                            "芦淞区社区卫生服务中心", "Aqueduct 渡槽"});
    CHECK(same_ranks(after_edit, full(history.ledger())));
    // In ledger order P001 湘..., P002 Aqueduct..., P003 攸..., P004 芦...: ASCII 'a' sorts first.
    CHECK(after_edit.ranks[name] == std::vector<uint32_t>{2, 0, 1, 3});

    // Removing a project brings no new string: ranks from the memo alone, still the full build's.
    REQUIRE(history.RemoveProject(kContext, "P002").applied);
    ui::ProjectTable after_remove = remembered(history.ledger());
    CHECK(collator.calls.size() == 7);
    CHECK(same_ranks(after_remove, full(history.ledger())));
    // Codes left: "abc" (P001), "b" (P003), "2014-..." (P004): places 1, 2 and 0, the tie partner gone.
    CHECK(after_remove.ranks[code] == std::vector<uint32_t>{1, 2, 0});
}
