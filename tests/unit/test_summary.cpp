// Summary figures: worked out by hand from tests/data/unit/good.json.
#include <doctest/doctest.h>

#include "summary.h"
#include "test_support.h"

using namespace kpl;
using kpl_test::GoodText;
using kpl_test::Mutated;

TEST_CASE("summary: the good fixture")
{
    LoadResult r = LoadLedger(GoodText());
    REQUIRE(r.ok());
    LedgerSummary s = Summarize(*r.ledger);
    CHECK(s.project_count == 3);
    CHECK(s.completion_target_count == 2);  // p-001 and p-003
    // plans: 12000.25 + 5000 + 2000
    CHECK(s.annual_plan == Money::FromCents(1900025));
    // through 2016-06: p-001 1500.5 + 2000.25 + 1800 = 5300.75; p-003 1200.75 + 799.24 = 1999.99
    CHECK(s.completed_this_year == Money::FromCents(730074));
    CHECK(s.problem_count == 3);
    CHECK(s.open_problem_count == 2);  // q-002 is closed
}

TEST_CASE("summary: completed investment stops at the as-of month and at the year's end")
{
    LoadResult r = LoadLedger(Mutated([](nlohmann::ordered_json& j) {
        j["meta"]["as_of"] = "2016-05";
        j["projects"][0]["reports"][0]["month"] = "2015-12";  // last year's report does not count
    }));
    REQUIRE(r.ok());
    const Ledger& l = *r.ledger;
    // p-001: only 2016-05 (2000.25); p-003: only 2016-05 (1200.75)
    CHECK(Summarize(l).completed_this_year == Money::FromCents(320100));
    CHECK(CompletedThisYear(l.projects[0], 2016, std::nullopt) == Money::FromCents(380025));  // 2000.25 + 1800
    CHECK(CompletedThisYear(l.projects[0], 2015, std::nullopt) == Money::FromCents(150050));
    CHECK(CompletedThisYear(l.projects[1], 2016, std::nullopt) == Money());
}

TEST_CASE("summary: latest report on or before a month")
{
    LoadResult r = LoadLedger(GoodText());
    REQUIRE(r.ok());
    const Project& p = r.ledger->projects[0];
    REQUIRE(LatestReport(p, std::nullopt));
    CHECK(LatestReport(p, std::nullopt)->month == YearMonth{2016, 6});
    CHECK(LatestReport(p, YearMonth{2016, 5})->percent_complete == 75.5);
    CHECK(LatestReport(p, YearMonth{2016, 3}) == nullptr);
    CHECK(LatestReport(r.ledger->projects[1], std::nullopt) == nullptr);
    // Out of order reports: still the latest month.
    Project shuffled = p;
    std::swap(shuffled.reports[0], shuffled.reports[2]);
    CHECK(LatestReport(shuffled, std::nullopt)->month == YearMonth{2016, 6});
}

TEST_CASE("summary: open problems")
{
    CHECK(IsOpen(ProblemState::Assigned));
    CHECK(IsOpen(ProblemState::Accepted));
    CHECK(IsOpen(ProblemState::Feedback));
    CHECK(IsOpen(ProblemState::Reopened));
    CHECK_FALSE(IsOpen(ProblemState::Closed));
}
