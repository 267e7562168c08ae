// The model's lookups and enum texts, and the problem lifecycle table.
#include <doctest/doctest.h>

#include "ledger_json.h"
#include "problem_lifecycle.h"
#include "test_support.h"

using namespace kpl;

TEST_CASE("model: every enum value round-trips through its JSON text")
{
    for (int i = 0; i < 4; ++i)
        CHECK(ParseDistrictKind(ToJsonText(static_cast<DistrictKind>(i))) == static_cast<DistrictKind>(i));
    for (int i = 0; i < 4; ++i)
        CHECK(ParseProjectStatus(ToJsonText(static_cast<ProjectStatus>(i))) == static_cast<ProjectStatus>(i));
    for (int i = 0; i < 7; ++i)
        CHECK(ParseProblemCategory(ToJsonText(static_cast<ProblemCategory>(i))) == static_cast<ProblemCategory>(i));
    for (int i = 0; i < 5; ++i)
        CHECK(ParseProblemState(ToJsonText(static_cast<ProblemState>(i))) == static_cast<ProblemState>(i));
    for (int i = 0; i < 6; ++i)
        CHECK(ParseActionKind(ToJsonText(static_cast<ActionKind>(i))) == static_cast<ActionKind>(i));
    CHECK_FALSE(ParseProjectStatus("Completed"));  // case matters
    CHECK_FALSE(ParseActionKind("close"));
    CHECK_FALSE(ParseDistrictKind(""));
}

TEST_CASE("model: JSON texts and Chinese labels as documented")
{
    CHECK(std::string(ToJsonText(ProjectStatus::UnderConstruction)) == "under_construction");
    CHECK(std::string(ToJsonText(ActionKind::CloseOut)) == "close_out");
    CHECK(std::string(ToJsonText(DistrictKind::Zone)) == "zone");
    CHECK(std::string(ToJsonText(ProblemCategory::Approval)) == "approval");
    CHECK(std::string(ChineseLabel(ProjectStatus::UnderConstruction)) == "在建");
    CHECK(std::string(ChineseLabel(ProblemCategory::Land)) == "土地");
    CHECK(std::string(ChineseLabel(ProblemState::Closed)) == "已销号");
    CHECK(std::string(ChineseLabel(ActionKind::CloseOut)) == "销号");
    CHECK(std::string(ChineseLabel(ActionKind::Assign)) == "交办");
    CHECK(std::string(ChineseLabel(DistrictKind::City)) == "县级市");
}

TEST_CASE("model: lookups by ID")
{
    LoadResult r = LoadLedger(kpl_test::GoodText());
    REQUIRE(r.ok());
    const Ledger& l = *r.ledger;
    REQUIRE(FindDistrict(l, "d-youxian"));
    CHECK(FindDistrict(l, "d-youxian")->name == "攸县");
    CHECK(FindDepartment(l, "dep-jtj")->name == "市交通局");
    CHECK(FindCityLeader(l, "cl-2")->title == "副市长（分管交通）");
    CHECK(FindProject(l, "p-003")->name == "株洲市中心医院门诊楼");
    CHECK(FindProject(l, "p-999") == nullptr);
    CHECK(FindDepartment(l, "d-liling") == nullptr);  // a district is not a department
}

namespace {

std::optional<ProblemState> Next(std::optional<ProblemState> from, ActionKind action)
{
    return ApplyAction(from, action).next;
}

} // namespace

TEST_CASE("lifecycle: the legal transitions")
{
    using S = ProblemState;
    using A = ActionKind;
    CHECK(Next(std::nullopt, A::Assign) == S::Assigned);
    CHECK(Next(S::Assigned, A::Accept) == S::Accepted);
    CHECK(Next(S::Reopened, A::Accept) == S::Accepted);
    CHECK(Next(S::Accepted, A::Feedback) == S::Feedback);
    CHECK(Next(S::Feedback, A::Feedback) == S::Feedback);
    CHECK(Next(S::Reopened, A::Feedback) == S::Feedback);
    for (S s : {S::Assigned, S::Accepted, S::Feedback, S::Reopened}) {
        CHECK(Next(s, A::Supervise) == s);       // supervision keeps the state
        CHECK(Next(s, A::CloseOut) == S::Closed);
    }
    CHECK(Next(S::Closed, A::Reopen) == S::Reopened);
}

TEST_CASE("lifecycle: everything else is refused, with a reason in both languages")
{
    using S = ProblemState;
    using A = ActionKind;
    const S states[] = {S::Assigned, S::Accepted, S::Feedback, S::Closed, S::Reopened};
    const A actions[] = {A::Assign, A::Accept, A::Feedback, A::Supervise, A::CloseOut, A::Reopen};
    int legal = 0;
    for (S s : states)
        for (A a : actions) {
            TransitionResult t = ApplyAction(s, a);
            if (t.next) {
                ++legal;
            } else {
                CHECK_FALSE(t.reason_zh.empty());
                CHECK_FALSE(t.reason_en.empty());
            }
        }
    // accept ×2, feedback ×3, supervise ×4, close_out ×4, reopen ×1
    CHECK(legal == 14);
    for (A a : {A::Accept, A::Feedback, A::Supervise, A::CloseOut, A::Reopen}) {
        TransitionResult t = ApplyAction(std::nullopt, a);
        CHECK_FALSE(t.next);
        CHECK(t.reason_zh == "处理记录的第一步必须是交办");
        CHECK(t.reason_en == "the first action must be assign");
    }
    TransitionResult twice = ApplyAction(S::Closed, A::CloseOut);
    CHECK(twice.reason_zh == "已销号的问题不能再次销号");
    CHECK(twice.reason_en == "a closed problem cannot be closed out again");
    TransitionResult early = ApplyAction(S::Assigned, A::Feedback);
    CHECK(early.reason_zh == "问题尚未签收，不能反馈");
    CHECK(early.reason_en == "the problem must be accepted before feedback");
    CHECK(ApplyAction(S::Feedback, A::Reopen).reason_en == "only a closed problem can be reopened");
    CHECK(ApplyAction(S::Accepted, A::Assign).reason_en == "the problem is already assigned; it cannot be assigned again");
}

TEST_CASE("lifecycle: the state a history leads to")
{
    auto history = [](std::initializer_list<ActionKind> kinds) {
        std::vector<ProblemAction> h;
        for (ActionKind k : kinds) {
            ProblemAction a;
            a.kind = k;
            h.push_back(a);
        }
        return h;
    };
    using A = ActionKind;
    CHECK_FALSE(StateAfter({}).has_value());
    CHECK(StateAfter(history({A::Assign})) == ProblemState::Assigned);
    CHECK(StateAfter(history({A::Assign, A::Accept, A::Supervise, A::Feedback, A::CloseOut, A::Reopen,
                              A::Accept, A::Feedback, A::CloseOut})) == ProblemState::Closed);
    CHECK(StateAfter(history({A::Assign, A::CloseOut, A::Reopen})) == ProblemState::Reopened);
    CHECK_FALSE(StateAfter(history({A::Accept})).has_value());
    CHECK_FALSE(StateAfter(history({A::Assign, A::CloseOut, A::CloseOut})).has_value());
}
