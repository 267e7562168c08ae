// Published rankings (发布): what is stored, how it is edited and undone, and that interviews and
// bulletins read the published figures even after the ledger is corrected. Expected numbers are
// worked out by hand from the table of supervision_ledger.h.
#include <doctest/doctest.h>

#include "bulletin.h"
#include "edit.h"
#include "ledger_json.h"
#include "ranking.h"
#include "supervision_ledger.h"
#include "test_support.h"

using namespace kpl;
using namespace kpl_test;

namespace {

const EditContext kOffice{"市重点办", "2016-07-05T10:00:00+08:00"};
const EditContext kLater{"市重点办", "2016-08-03T09:00:00+08:00"};

// A hand-made publication of the districts only: `order` best first, the last one 靠后.
PublishedRankings HandPublished(YearMonth month, std::vector<std::string> order)
{
    PublishedRankings p;
    p.month = month;
    p.bottom_n = 1;
    int rank = 1;
    for (const std::string& id : order) {
        PublishedRankEntry e;
        e.unit_id = id;
        e.name = id == "D1" ? "芦淞区" : "醴陵市";
        e.score = 100 - rank * 10;
        e.rank = rank;
        e.bottom = rank == static_cast<int>(order.size());
        p.districts.push_back(e);
        ++rank;
    }
    return p;
}

std::vector<std::string> DistrictInterviews(const Bulletin& b)
{
    std::vector<std::string> out;
    for (const InterviewEntry& e : b.interviews)
        if (e.reason == InterviewReason::DistrictBottomTwice)
            out.push_back(e.unit_id + " " + e.explanation);
    return out;
}

} // namespace

TEST_CASE("publish: the June rankings are stored rounded to 0.01, stamped, in month order, and undone exactly")
{
    EditHistory h(SupervisionLedger());
    const std::string before = SaveLedger(h.ledger());
    const MonthRankings june = ComputeRankings(h.ledger(), YearMonth{2016, 6});
    EditResult r = h.PublishRankings(kOffice, ToPublished(june, 3, "", ""));
    REQUIRE(r.applied);
    REQUIRE(h.UndoLabel() != nullptr);
    CHECK(h.UndoLabel()->zh == "发布2016年6月排名");
    REQUIRE(h.ledger().published_rankings.size() == 1);
    const PublishedRankings& p = h.ledger().published_rankings[0];
    CHECK(p.published_at == "2016-07-05T10:00:00+08:00");
    CHECK(p.published_by == "市重点办");
    CHECK(p.bottom_n == 3);
    // D1: investment (600 + 600) / (1200 + 2400) = 33.33%, start 100%, funds (500 + 1500) / 3000 =
    // 66.67%, no completion target, so the other weights scale by 100/80: 50 x 1/3 = 16.67,
    // 25, 25 x 2/3 = 16.67; score 175/3 = 58.33. D2: 55. Two ranked, bottom 3: rank 2 is 靠后.
    REQUIRE(p.districts.size() == 2);
    const PublishedRankEntry& d1 = p.districts[0];
    CHECK(d1.unit_id == "D1");
    CHECK(d1.name == "芦淞区");
    CHECK(*d1.rates[0] == 33.33);
    CHECK(*d1.rates[1] == 100);
    CHECK(*d1.rates[2] == 66.67);
    CHECK_FALSE(d1.rates[3].has_value());
    CHECK(d1.points[0] == 16.67);
    CHECK(d1.points[1] == 25);
    CHECK(d1.points[2] == 16.67);
    CHECK(d1.points[3] == 0);
    CHECK(d1.score == 58.33);
    CHECK(d1.rank == 1);
    CHECK_FALSE(d1.bottom);
    CHECK(p.districts[1].unit_id == "D2");
    CHECK(p.districts[1].score == 55);
    CHECK(p.districts[1].bottom);
    CHECK(p.departments.size() == 2);

    // Publishing the same figures again says nothing new.
    CHECK(h.PublishRankings(kLater, ToPublished(june, 3, "", "")).unchanged);
    CHECK(h.ledger().published_rankings[0].published_at == "2016-07-05T10:00:00+08:00");

    // May goes before June.
    REQUIRE(h.PublishRankings(kLater, HandPublished(YearMonth{2016, 5}, {"D2", "D1"})).applied);
    REQUIRE(h.ledger().published_rankings.size() == 2);
    CHECK(h.ledger().published_rankings[0].month == YearMonth{2016, 5});
    CHECK(h.ledger().published_rankings[1].month == YearMonth{2016, 6});

    // Saved, loaded and saved again: the same bytes, the same figures.
    const std::string saved = SaveLedger(h.ledger());
    CHECK(saved.find("\"published_rankings\"") != std::string::npos);
    LoadResult loaded = LoadLedger(saved);
    REQUIRE_MESSAGE(loaded.ok(), Describe(loaded.errors));
    CHECK(SaveLedger(*loaded.ledger) == saved);
    CHECK(loaded.ledger->published_rankings[1].districts[0].score == 58.33);
    CHECK_FALSE(loaded.ledger->published_rankings[1].districts[0].rates[3].has_value());

    // Withdraw June, then undo all three steps: the ledger is as before, byte for byte, and a
    // ledger with nothing published has no published_rankings member at all.
    REQUIRE(h.WithdrawRankings(kLater, YearMonth{2016, 6}).applied);
    CHECK(h.UndoLabel()->zh == "撤回2016年6月排名");
    CHECK(FindPublished(h.ledger(), YearMonth{2016, 6}) == nullptr);
    CHECK(h.WithdrawRankings(kLater, YearMonth{2016, 6}).unchanged);
    REQUIRE(h.Undo());
    CHECK(FindPublished(h.ledger(), YearMonth{2016, 6}) != nullptr);
    REQUIRE(h.Undo());
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == before);
    CHECK(before.find("published_rankings") == std::string::npos);
}

TEST_CASE("publish: refusals say where and why")
{
    EditHistory h(SupervisionLedger());
    PublishedRankings outside = HandPublished(YearMonth{2015, 12}, {"D1", "D2"});
    EditResult r = h.PublishRankings(kOffice, outside);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "month");
    CHECK(r.errors[0].message_zh == "发布排名的月份 2015-12 不在台账年度 2016 内");

    PublishedRankings unknown = HandPublished(YearMonth{2016, 6}, {"D1", "D9"});
    r = h.PublishRankings(kOffice, unknown);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "districts[1].unit_id");
    CHECK(r.errors[0].message_en == "refers to district \"D9\", which does not exist");

    r = h.PublishRankings(EditContext{"市重点办", ""}, HandPublished(YearMonth{2016, 6}, {"D1", "D2"}));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "published_at");
    CHECK(h.ledger().published_rankings.empty());
    CHECK_FALSE(h.CanUndo());
}

TEST_CASE("publish: a bulletin generated again after a correction shows the published rankings")
{
    Ledger l = SupervisionLedger();
    EditHistory h(l);
    REQUIRE(h.PublishRankings(kOffice, ToPublished(ComputeRankings(l, YearMonth{2016, 6}), 3, "", "")).applied);

    // A correction after publication: P2's June investment 400 -> 1000 (万元). D1 now invests
    // 600 + 1200 = 1800 of 3600 = 50%: 50 x 0.5 = 25, + 25 + 16.67 = 66.67. D2 stays at 55.
    Project p2 = *FindProject(h.ledger(), "P2");
    p2.reports.back().investment = Money::FromWan(1000);
    REQUIRE(h.ReplaceProject(kLater, "P2", p2).applied);

    const Bulletin june = BuildBulletin(h.ledger(), YearMonth{2016, 6});
    CHECK(june.rankings.published);
    CHECK(june.rankings.published_at == "2016-07-05T10:00:00+08:00");
    REQUIRE(june.rankings.districts.entries.size() == 2);
    CHECK(june.rankings.districts.entries[0].score == 58.33);  // as published, not 66.67

    const MonthRankings now = ComputeRankings(h.ledger(), YearMonth{2016, 6});
    CHECK(now.districts.entries[0].score == doctest::Approx(200.0 / 3));
    const std::vector<RankingChange> changes = CompareWithPublished(h.ledger().published_rankings[0], now);
    // D1's score moved; among departments U2 (P2 + P4) did, U1 (P1 + P3) did not.
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].group == UnitKind::District);
    CHECK(changes[0].unit_id == "D1");
    CHECK(changes[0].published_rank == 1);
    CHECK(changes[0].current_rank == 1);
    CHECK(changes[0].published_score == 58.33);
    CHECK(changes[0].current_score == doctest::Approx(200.0 / 3));
    CHECK(changes[1].group == UnitKind::Department);
    CHECK(changes[1].unit_id == "U2");

    // Publishing again stores the corrected figures, labelled as a replacement.
    REQUIRE(h.PublishRankings(kLater, ToPublished(now, 3, "", "")).applied);
    CHECK(h.UndoLabel()->zh == "重新发布2016年6月排名");
    CHECK(FindPublished(h.ledger(), YearMonth{2016, 6})->districts[0].score == 66.67);
    CHECK(CompareWithPublished(*FindPublished(h.ledger(), YearMonth{2016, 6}), now).empty());
}

TEST_CASE("publish: interviews read the published month before, whatever the ledger computes for it")
{
    // June as computed: D1 58.33 first, D2 55 last; with bottom_n 1 only D2 is 靠后.
    Ledger l = SupervisionLedger();
    l.settings.ranking.bottom_n = 1;
    const std::string d2_twice = "D2 县市区排名连续两个月靠后：2016年5月第2名，2016年6月第2名";

    EditHistory h(l);
    REQUIRE(h.PublishRankings(kOffice, HandPublished(YearMonth{2016, 5}, {"D1", "D2"})).applied);
    CHECK(DistrictInterviews(BuildBulletin(h.ledger(), YearMonth{2016, 6})) == std::vector<std::string>{d2_twice});

    // The same ledger with May published the other way round: D2 was not 靠后 in May.
    REQUIRE(h.PublishRankings(kLater, HandPublished(YearMonth{2016, 5}, {"D2", "D1"})).applied);
    CHECK(DistrictInterviews(BuildBulletin(h.ledger(), YearMonth{2016, 6})).empty());

    // The history reads published months as published and the others as computed.
    const std::vector<MonthRankings> history = ComputeRankingHistory(h.ledger(), YearMonth{2016, 6});
    REQUIRE(history.size() == 6);
    CHECK(history[4].published);
    CHECK(history[4].districts.entries[0].unit_id == "D2");
    CHECK_FALSE(history[5].published);
}

TEST_CASE("publish: bad published rankings in a file are reported at their path")
{
    auto with = [](const std::function<void(nlohmann::ordered_json&)>& change) {
        return Mutated([&](nlohmann::ordered_json& j) {
            nlohmann::ordered_json entry = {{"unit_id", "d-liling"},
                                            {"name", "醴陵市"},
                                            {"rates", {{"investment_completion", 40.5}, {"start", 100}}},
                                            {"points", {{"investment_completion", 16.2},
                                                        {"start", 20},
                                                        {"funds", 0},
                                                        {"completion", 0}}},
                                            {"score", 36.2},
                                            {"rank", 1},
                                            {"bottom", false}};
            j["published_rankings"] = {{{"month", "2016-05"},
                                        {"published_at", "2016-06-03T09:00:00+08:00"},
                                        {"published_by", "市重点办"},
                                        {"bottom_n", 3},
                                        {"districts", {entry}},
                                        {"departments", nlohmann::ordered_json::array()}}};
            change(j);
        });
    };
    LoadResult good = LoadLedger(with([](nlohmann::ordered_json&) {}));
    REQUIRE_MESSAGE(good.ok(), Describe(good.errors));
    CHECK(*good.ledger->published_rankings[0].districts[0].rates[0] == 40.5);
    CHECK_FALSE(good.ledger->published_rankings[0].districts[0].rates[2].has_value());

    struct Case {
        const char* name;
        std::function<void(nlohmann::ordered_json&)> change;
        std::string path, zh;
    };
    const std::vector<Case> cases = {
        {"month outside the year", [](auto& j) { j["published_rankings"][0]["month"] = "2017-01"; },
         "published_rankings[0].month", "发布排名的月份 2017-01 不在台账年度 2016 内"},
        {"a month twice",
         [](auto& j) { j["published_rankings"].push_back(j["published_rankings"][0]); },
         "published_rankings[1].month", "月份 2016-05 的排名重复发布，已见于 published_rankings[0]"},
        {"a department in the districts' list",
         [](auto& j) { j["published_rankings"][0]["districts"][0]["unit_id"] = "dep-zjj"; },
         "published_rankings[0].districts[0].unit_id", "引用的区县 \"dep-zjj\" 不存在"},
        {"a rank of 0", [](auto& j) { j["published_rankings"][0]["districts"][0]["rank"] = 0; },
         "published_rankings[0].districts[0].rank", "应为不小于 1 的整数，实际为 0"},
        {"a missing point", [](auto& j) { j["published_rankings"][0]["districts"][0]["points"].erase("funds"); },
         "published_rankings[0].districts[0].points.funds", "缺少必填字段"},
        {"a bad timestamp", [](auto& j) { j["published_rankings"][0]["published_at"] = "2016-06-03 09:00"; },
         "published_rankings[0].published_at",
         "时间戳应为 ISO 8601 格式（如 2016-06-03T09:30:00+08:00），实际为 \"2016-06-03 09:00\""},
        {"not an array", [](auto& j) { j["published_rankings"] = nlohmann::ordered_json::object(); },
         "published_rankings", "应为数组，实际为对象"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.name));
        LoadResult r = LoadLedger(with(c.change));
        INFO("errors:\n" << Describe(r.errors));
        CHECK_FALSE(r.ledger.has_value());
        const Diagnostic* d = FindDiagnostic(r.errors, c.path);
        REQUIRE(d != nullptr);
        CHECK(d->message_zh == c.zh);
    }
}
