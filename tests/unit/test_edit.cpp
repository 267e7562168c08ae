// Edit commands and undo / redo (edit.h), on the hand-built ledger of test_ledgers.h: every command
// applied, undone (the saved bytes exactly as before) and redone (exactly as after); stamps and
// revision; refusals; the saved point; the problem lifecycle through the commands.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "edit.h"
#include "ledger_json.h"
#include "test_ledgers.h"
#include "test_support.h"

using namespace kpl;
using kpl_test::Describe;
using kpl_test::SmallLedger;

namespace {

const EditContext kContext{"市住建局", "2016-07-01T10:00:00+08:00"};

// Applies `command` and checks the round trip: the result is a valid file; undo gives back the
// bytes before, redo the bytes after; the revision went up by exactly one. Leaves the command
// applied and returns its result.
EditResult RoundTrip(EditHistory& h, const std::function<EditResult()>& command, const char* label_zh)
{
    const std::string before = SaveLedger(h.ledger());
    const int64_t revision = h.ledger().revision;
    const std::size_t undo_depth = h.UndoLabels().size();
    EditResult r = command();
    INFO("errors:\n" << Describe(r.errors));
    REQUIRE(r.applied);
    CHECK(r.errors.empty());
    const std::string after = SaveLedger(h.ledger());
    CHECK(after != before);
    CHECK(h.ledger().revision == revision + 1);
    REQUIRE(h.UndoLabel());
    CHECK(h.UndoLabel()->zh == label_zh);
    CHECK(h.UndoLabels().size() == undo_depth + 1);
    LoadResult loaded = LoadLedger(after);
    CHECK_MESSAGE(loaded.ok(), Describe(loaded.errors));

    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == before);
    CHECK(h.ledger().revision == revision);
    REQUIRE(h.RedoLabel());
    CHECK(h.RedoLabel()->zh == label_zh);
    REQUIRE(h.Redo());
    CHECK(SaveLedger(h.ledger()) == after);
    CHECK_FALSE(h.CanRedo());
    return r;
}

// A refused command changes nothing and records nothing.
EditResult Refusal(EditHistory& h, const std::function<EditResult()>& command)
{
    const std::string before = SaveLedger(h.ledger());
    const std::size_t undo_depth = h.UndoLabels().size();
    EditResult r = command();
    CHECK_FALSE(r.applied);
    CHECK_FALSE(r.unchanged);
    CHECK_FALSE(r.errors.empty());
    CHECK(SaveLedger(h.ledger()) == before);
    CHECK(h.UndoLabels().size() == undo_depth);
    return r;
}

const Diagnostic* ErrorAt(const EditResult& r, const std::string& path)
{
    return kpl_test::FindDiagnostic(r.errors, path);
}

} // namespace

TEST_CASE("edit: meta and settings")
{
    EditHistory h(SmallLedger());
    LedgerMeta meta = h.ledger().meta;
    meta.title = "株洲市2016年重点续建项目工作台账";
    meta.as_of = YearMonth{2016, 7};
    RoundTrip(h, [&] { return h.SetMeta(kContext, meta); }, "编辑台账信息");
    CHECK(h.ledger().meta.title == "株洲市2016年重点续建项目工作台账");
    CHECK(h.ledger().meta.stamp.revision == 4);   // was 3
    CHECK(h.ledger().meta.stamp.modified_by == "市住建局");
    CHECK(h.ledger().meta.stamp.modified_at == "2016-07-01T10:00:00+08:00");

    Settings s = h.ledger().settings;
    s.warnings.due_soon_days = 10;
    s.ranking.start_rate_weight = 12.345;   // kept to 0.01, as a file would
    RoundTrip(h, [&] { return h.SetSettings(kContext, s); }, "修改预警与排名设置");
    CHECK(h.ledger().settings.warnings.due_soon_days == 10);
    CHECK(h.ledger().settings.ranking.start_rate_weight == 12.35);
    // The indicator and assessment settings are settings too: a change is a step.
    s.indicators.schedule_basis = ScheduleBasis::FromMonth;
    s.assessment.qualitative_scores.push_back(QualitativeScore{"D1", 91.234, ExtraFields::object()});
    RoundTrip(h, [&] { return h.SetSettings(kContext, s); }, "修改预警与排名设置");
    CHECK(h.ledger().settings.indicators.schedule_basis == ScheduleBasis::FromMonth);
    CHECK(h.ledger().settings.assessment.qualitative_scores[0].score == 91.23);
    s.assessment.qualitative_scores[0].score = 120;
    EditResult bad_score = Refusal(h, [&] { return h.SetSettings(kContext, s); });
    CHECK(ErrorAt(bad_score, "assessment.qualitative_scores[0].score"));
    s.assessment.qualitative_scores[0].score = 91.23;

    meta.money_unit = "元";
    EditResult r = Refusal(h, [&] { return h.SetMeta(kContext, meta); });
    REQUIRE(ErrorAt(r, "money_unit"));
    s.warnings.behind_red_points = 1;
    r = Refusal(h, [&] { return h.SetSettings(kContext, s); });
    CHECK(ErrorAt(r, "warnings.behind_red_points")->message_zh == "红色阈值 1 不能小于黄色阈值 10");
}

TEST_CASE("edit: add, replace, move and remove projects")
{
    EditHistory h(SmallLedger());
    SUBCASE("add at the end and at a position, with fresh IDs")
    {
        Project p;
        p.name = "石峰区物流园";
        p.category = "产业";
        p.district_id = "D1";
        p.city_leader_id = "L1";
        p.department_id = "U3";
        p.start_year = 2016;
        p.plan = Money::FromWan(800);
        p.milestones.push_back(kpl_test::TestMilestone("", "开工", Date{2016, 8, 1}, std::nullopt));
        EditResult r = RoundTrip(h, [&] { return h.AddProject(kContext, p); }, "新增项目 石峰区物流园");
        CHECK(r.id == "P005");
        const Project& added = h.ledger().projects.back();
        CHECK(added.id == "P005");
        REQUIRE(added.milestones.size() == 1);
        CHECK(added.milestones[0].id == "P005-M1");
        CHECK(added.stamp.revision == 1);
        CHECK(added.milestones[0].stamp.revision == 1);
        CHECK(added.stamp.modified_by == "市住建局");
        p.name = "第二个";
        r = RoundTrip(h, [&] { return h.AddProject(kContext, p, 1); }, "新增项目 第二个");
        CHECK(r.id == "P006");
        CHECK(h.ledger().projects[1].id == "P006");
        CHECK(h.ledger().projects.size() == 6);
    }
    SUBCASE("a new project must pass the rules")
    {
        Project p;
        p.name = "无效";
        EditResult r = Refusal(h, [&] { return h.AddProject(kContext, p); });
        CHECK(ErrorAt(r, "district_id")->message_zh == "引用的 ID 不能为空");
        CHECK(ErrorAt(r, "start_year"));
    }
    SUBCASE("replace: the draft's changes, the project stamped, unchanged reports keep their stamps")
    {
        Project draft = h.ledger().projects[0];
        draft.plan = Money::FromCents(320050);
        draft.reports[2].percent_complete = 56.789;   // kept to 0.01
        RoundTrip(h, [&] { return h.ReplaceProject(kContext, "P001", draft); }, "编辑项目 湘江风光带提质改造");
        const Project& p = h.ledger().projects[0];
        CHECK(p.plan == Money::FromCents(320050));
        CHECK(p.stamp.revision == 5);   // was 4
        CHECK(p.stamp.modified_at == "2016-07-01T10:00:00+08:00");
        CHECK(p.reports[2].percent_complete == 56.79);
        CHECK(p.reports[2].stamp.revision == 2);
        CHECK(p.reports[2].stamp.modified_at == "2016-07-01T10:00:00+08:00");
        CHECK(p.reports[1].stamp.revision == 1);   // untouched
        CHECK(p.reports[1].stamp.modified_at == "2016-06-28T17:00:00+08:00");
        CHECK(p.milestones[0].stamp.revision == 1);
    }
    SUBCASE("replace with the same content: nothing recorded")
    {
        Project draft = h.ledger().projects[0];
        draft.stamp.revision = 99;   // stamps are the command's to set, not the draft's
        EditResult r = h.ReplaceProject(kContext, "P001", draft);
        CHECK(r.unchanged);
        CHECK_FALSE(r.applied);
        CHECK(r.errors.empty());
        CHECK_FALSE(h.CanUndo());
        CHECK_FALSE(h.IsDirty());
        CHECK(h.ledger().projects[0].stamp.revision == 4);
    }
    SUBCASE("replace refused: errors at the fields")
    {
        Project draft = h.ledger().projects[0];
        draft.plan = Money::FromWan(-1);
        draft.reports[0].percent_complete = 101;
        EditResult r = Refusal(h, [&] { return h.ReplaceProject(kContext, "P001", draft); });
        CHECK(ErrorAt(r, "plan_wan")->message_zh == "金额不能为负数，实际为 -1");
        CHECK(ErrorAt(r, "reports[0].percent_complete")->message_en == "must be between 0 and 100, got 101");
        r = Refusal(h, [&] { return h.ReplaceProject(kContext, "P404", draft); });
        CHECK(r.errors[0].message_zh == "项目 \"P404\" 不存在");
    }
    SUBCASE("changing a project's ID: refused while problems refer to it")
    {
        Project draft = h.ledger().projects[0];
        draft.id = "P001X";
        EditResult r = Refusal(h, [&] { return h.ReplaceProject(kContext, "P001", draft); });
        CHECK(ErrorAt(r, "id")->message_zh == "有 1 个交办问题引用项目 \"P001\"，不能更改其 ID");
        Project quiet = h.ledger().projects[3];   // P004 has no problems
        quiet.id = "P004X";
        RoundTrip(h, [&] { return h.ReplaceProject(kContext, "P004", quiet); }, "编辑项目 芦淞区社区卫生服务中心");
        CHECK(h.ledger().projects[3].id == "P004X");
        draft.id = "P002";   // taken
        r = Refusal(h, [&] { return h.ReplaceProject(kContext, "P004X", draft); });
        CHECK(ErrorAt(r, "id")->message_zh == "ID \"P002\" 重复，已用于 projects[1]");
    }
    SUBCASE("move")
    {
        RoundTrip(h, [&] { return h.MoveProject(kContext, "P001", 2); }, "移动项目 湘江风光带提质改造");
        std::vector<std::string> order;
        for (const Project& p : h.ledger().projects)
            order.push_back(p.id);
        CHECK(order == std::vector<std::string>{"P002", "P003", "P001", "P004"});
        CHECK(h.ledger().projects[2].stamp.revision == 5);
        RoundTrip(h, [&] { return h.MoveProject(kContext, "P004", -3); }, "移动项目 芦淞区社区卫生服务中心");
        CHECK(h.ledger().projects[0].id == "P004");
        RoundTrip(h, [&] { return h.MoveProject(kContext, "P004", 99); }, "移动项目 芦淞区社区卫生服务中心");
        CHECK(h.ledger().projects[3].id == "P004");
        CHECK(h.MoveProject(kContext, "P004", 3).unchanged);
    }
    SUBCASE("remove, with the problems assigned about it")
    {
        RoundTrip(h, [&] { return h.RemoveProject(kContext, "P004"); }, "删除项目 芦淞区社区卫生服务中心");
        CHECK(h.ledger().projects.size() == 3);
        RoundTrip(h, [&] { return h.RemoveProject(kContext, "P003"); }, "删除项目 攸县湘东大道 Road Works（及其 1 个交办问题）");
        CHECK(h.ledger().projects.size() == 2);
        REQUIRE(h.ledger().problems.size() == 2);
        CHECK(h.ledger().problems[0].id == "Q001");
        CHECK(h.ledger().problems[1].id == "Q003");
        CHECK(h.UndoLabel()->en == "Remove project 攸县湘东大道 Road Works (and its 1 problem(s))");
    }
}

TEST_CASE("edit: milestones and monthly reports")
{
    EditHistory h(SmallLedger());
    Milestone m;
    m.name = "主体完工";
    m.planned = Date{2016, 10, 1};
    EditResult r = RoundTrip(h, [&] { return h.AddMilestone(kContext, "P001", m, 1); }, "添加时间节点 主体完工");
    const Project* p = &h.ledger().projects[0];
    REQUIRE(p->milestones.size() == 3);
    CHECK(p->milestones[1].id == "P001-M3");
    CHECK(p->milestones[1].stamp.revision == 1);
    CHECK(p->stamp.revision == 5);

    RoundTrip(h, [&] { return h.MoveMilestone(kContext, "P001", "P001-M3", 0); }, "调整时间节点顺序 主体完工");
    p = &h.ledger().projects[0];
    CHECK(p->milestones[0].id == "P001-M3");
    CHECK(p->milestones[1].id == "P001-M1");
    CHECK(p->milestones[1].stamp.revision == 1);   // moved, not changed

    RoundTrip(h, [&] { return h.RemoveMilestone(kContext, "P001", "P001-M1"); }, "删除时间节点 施工许可");
    CHECK(h.ledger().projects[0].milestones.size() == 2);
    Refusal(h, [&] { return h.RemoveMilestone(kContext, "P001", "P001-M1"); });

    // A milestone date that names no day is refused, at the milestone's own field.
    m.planned = Date{2016, 2, 30};
    r = Refusal(h, [&] { return h.AddMilestone(kContext, "P001", m); });
    CHECK(ErrorAt(r, "planned")->message_zh == "日期不存在：\"2016-02-30\"");

    // A new month goes in month order; the same month again replaces it.
    MonthlyReport report;
    report.month = YearMonth{2016, 7};
    report.investment = Money::FromWan(400);
    report.percent_complete = 60;
    report.progress_text = "亲水平台施工";
    RoundTrip(h, [&] { return h.UpsertReport(kContext, "P002", report); }, "填报月报 2016-07 醴陵陶瓷产业园标准厂房");
    report.month = YearMonth{2016, 5};
    report.percent_complete = 52;
    RoundTrip(h, [&] { return h.UpsertReport(kContext, "P001", report); }, "修改月报 2016-05 湘江风光带提质改造");
    p = &h.ledger().projects[0];
    REQUIRE(p->reports.size() == 3);
    CHECK(p->reports[1].investment == Money::FromWan(400));
    CHECK(p->reports[1].stamp.revision == 2);
    report.month = YearMonth{2016, 3};
    report.percent_complete = 30;
    RoundTrip(h, [&] { return h.UpsertReport(kContext, "P001", report); }, "填报月报 2016-03 湘江风光带提质改造");
    p = &h.ledger().projects[0];
    REQUIRE(p->reports.size() == 4);
    CHECK(p->reports[0].month == YearMonth{2016, 3});
    CHECK(p->reports[0].stamp.revision == 1);

    // Errors come back relative to the report entered; warnings too.
    report.month = YearMonth{2016, 8};
    report.percent_complete = 150;
    r = Refusal(h, [&] { return h.UpsertReport(kContext, "P001", report); });
    CHECK(ErrorAt(r, "percent_complete")->message_zh == "应在 0 到 100 之间，实际为 150");
    report.percent_complete = 10;
    r = h.UpsertReport(kContext, "P001", report);
    REQUIRE(r.applied);
    REQUIRE(r.warnings.size() == 2);   // went down from 55; after the as-of month 2016-06
    CHECK(kpl_test::FindDiagnostic(r.warnings, "percent_complete"));
    CHECK(kpl_test::FindDiagnostic(r.warnings, "month"));
    h.Undo();
    report.month = YearMonth{};
    r = Refusal(h, [&] { return h.UpsertReport(kContext, "P001", report); });
    CHECK(ErrorAt(r, "month")->message_zh == "缺少必填字段");

    RoundTrip(h, [&] { return h.RemoveReport(kContext, "P001", YearMonth{2016, 3}); }, "删除月报 2016-03 湘江风光带提质改造");
    Refusal(h, [&] { return h.RemoveReport(kContext, "P001", YearMonth{2016, 3}); });
}

TEST_CASE("edit: assign, edit and remove problems")
{
    EditHistory h(SmallLedger());
    Problem draft;
    draft.project_id = "P002";
    draft.category = ProblemCategory::Power;
    draft.text = "电力增容未批复";
    draft.responsible_unit_id = "D2";
    draft.assigned_date = Date{2016, 7, 1};
    draft.deadline = Date{2016, 7, 31};
    EditResult r = RoundTrip(h, [&] { return h.AssignProblem(kContext, draft, "项目竣工攻坚组办公室", "请协调供电公司"); },
                             "交办问题 Q004");
    CHECK(r.id == "Q004");
    const Problem& q = h.ledger().problems.back();
    CHECK(q.state == ProblemState::Assigned);
    REQUIRE(q.history.size() == 1);
    CHECK(q.history[0].id == "Q004-A1");
    CHECK(q.history[0].kind == ActionKind::Assign);
    CHECK(q.history[0].date == Date{2016, 7, 1});
    CHECK(q.history[0].by == "项目竣工攻坚组办公室");
    CHECK(q.history[0].text == "请协调供电公司");
    CHECK(q.stamp.revision == 1);

    Problem edited = h.ledger().problems[0];
    edited.deadline = Date{2016, 7, 15};
    edited.text = "征地拆迁剩余2户未签约";
    edited.state = ProblemState::Closed;   // ignored: the state moves through actions only
    edited.history.clear();                // ignored too
    RoundTrip(h, [&] { return h.EditProblem(kContext, "Q001", edited); }, "编辑问题 Q001");
    CHECK(h.ledger().problems[0].deadline == Date{2016, 7, 15});
    CHECK(h.ledger().problems[0].state == ProblemState::Accepted);
    CHECK(h.ledger().problems[0].history.size() == 2);
    CHECK(h.ledger().problems[0].stamp.revision == 3);
    CHECK(h.EditProblem(kContext, "Q001", edited).unchanged);

    edited.deadline = Date{2016, 4, 1};
    r = Refusal(h, [&] { return h.EditProblem(kContext, "Q001", edited); });
    CHECK(ErrorAt(r, "deadline")->message_zh == "办结期限 2016-04-01 早于交办日期 2016-05-01");
    draft.project_id = "P404";
    r = Refusal(h, [&] { return h.AssignProblem(kContext, draft, "", ""); });
    CHECK(ErrorAt(r, "project_id"));

    RoundTrip(h, [&] { return h.RemoveProblem(kContext, "Q002"); }, "删除问题 Q002");
    CHECK(h.ledger().problems.size() == 3);
    Refusal(h, [&] { return h.RemoveProblem(kContext, "Q002"); });
}

namespace {

// Brings a newly assigned problem (the last one) to `state` through legal actions.
void BringTo(EditHistory& h, const std::string& id, ProblemState state)
{
    auto act = [&](ActionKind kind) {
        ProblemActionInput a;
        a.kind = kind;
        a.date = Date{2016, 7, 2};
        a.by = "市发改委";
        a.text = "处理情况";
        REQUIRE(h.ApplyProblemAction(kContext, id, a).applied);
    };
    switch (state) {
    case ProblemState::Assigned: break;
    case ProblemState::Accepted: act(ActionKind::Accept); break;
    case ProblemState::Feedback: act(ActionKind::Accept); act(ActionKind::Feedback); break;
    case ProblemState::Closed: act(ActionKind::CloseOut); break;
    case ProblemState::Reopened: act(ActionKind::CloseOut); act(ActionKind::Reopen); break;
    }
    REQUIRE(h.ledger().problems.back().state == state);
}

struct Transition {
    ProblemState from;
    ActionKind action;
    bool legal;
    ProblemState to;            // when legal
    const char* reason_zh;      // when not
    const char* reason_en;
};

} // namespace

TEST_CASE("edit: the problem lifecycle, every action in every state")
{
    using S = ProblemState;
    using A = ActionKind;
    const char* again_zh = "问题已经交办，不能再次交办";
    const char* again_en = "the problem is already assigned; it cannot be assigned again";
    const char* not_closed_zh = "只有已销号的问题才能退回重办";
    const char* not_closed_en = "only a closed problem can be reopened";
    const char* accepted_zh = "问题已经签收，不能再次签收";
    const char* accepted_en = "the problem is already accepted; it cannot be accepted again";
    // Worked out from the lifecycle of the domain: 交办 → 签收 → 反馈 → 销号, 督查 while open,
    // 退回重办 only after 销号.
    const std::vector<Transition> table = {
        {S::Assigned, A::Assign, false, S::Assigned, again_zh, again_en},
        {S::Assigned, A::Accept, true, S::Accepted, "", ""},
        {S::Assigned, A::Feedback, false, S::Assigned, "问题尚未签收，不能反馈", "the problem must be accepted before feedback"},
        {S::Assigned, A::Supervise, true, S::Assigned, "", ""},
        {S::Assigned, A::CloseOut, true, S::Closed, "", ""},
        {S::Assigned, A::Reopen, false, S::Assigned, not_closed_zh, not_closed_en},
        {S::Accepted, A::Assign, false, S::Accepted, again_zh, again_en},
        {S::Accepted, A::Accept, false, S::Accepted, accepted_zh, accepted_en},
        {S::Accepted, A::Feedback, true, S::Feedback, "", ""},
        {S::Accepted, A::Supervise, true, S::Accepted, "", ""},
        {S::Accepted, A::CloseOut, true, S::Closed, "", ""},
        {S::Accepted, A::Reopen, false, S::Accepted, not_closed_zh, not_closed_en},
        {S::Feedback, A::Assign, false, S::Feedback, again_zh, again_en},
        {S::Feedback, A::Accept, false, S::Feedback, accepted_zh, accepted_en},
        {S::Feedback, A::Feedback, true, S::Feedback, "", ""},
        {S::Feedback, A::Supervise, true, S::Feedback, "", ""},
        {S::Feedback, A::CloseOut, true, S::Closed, "", ""},
        {S::Feedback, A::Reopen, false, S::Feedback, not_closed_zh, not_closed_en},
        {S::Closed, A::Assign, false, S::Closed, again_zh, again_en},
        {S::Closed, A::Accept, false, S::Closed, "已销号的问题不能签收", "a closed problem cannot be accepted"},
        {S::Closed, A::Feedback, false, S::Closed, "已销号的问题不能反馈", "a closed problem cannot receive feedback"},
        {S::Closed, A::Supervise, false, S::Closed, "已销号的问题不能督查", "a closed problem cannot be supervised"},
        {S::Closed, A::CloseOut, false, S::Closed, "已销号的问题不能再次销号", "a closed problem cannot be closed out again"},
        {S::Closed, A::Reopen, true, S::Reopened, "", ""},
        {S::Reopened, A::Assign, false, S::Reopened, again_zh, again_en},
        {S::Reopened, A::Accept, true, S::Accepted, "", ""},
        {S::Reopened, A::Feedback, true, S::Feedback, "", ""},
        {S::Reopened, A::Supervise, true, S::Reopened, "", ""},
        {S::Reopened, A::CloseOut, true, S::Closed, "", ""},
        {S::Reopened, A::Reopen, false, S::Reopened, not_closed_zh, not_closed_en},
    };
    CHECK(table.size() == 30);
    for (const Transition& t : table) {
        std::string name = std::string(ToJsonText(t.from)) + " + " + ToJsonText(t.action);
        CAPTURE(name);
        EditHistory h(SmallLedger());
        Problem draft = h.ledger().problems[2];
        draft.id.clear();
        REQUIRE(h.AssignProblem(kContext, draft, "项目竣工攻坚组办公室", "").applied);
        BringTo(h, "Q004", t.from);
        const std::size_t history_before = h.ledger().problems.back().history.size();
        ProblemActionInput a;
        a.kind = t.action;
        a.date = Date{2016, 7, 3};
        a.by = "市发改委";
        a.text = "已办结";
        if (t.legal) {
            EditResult r = RoundTrip(h, [&] { return h.ApplyProblemAction(kContext, "Q004", a); },
                                     (std::string(ChineseLabel(t.action)) + "问题 Q004").c_str());
            const Problem& q = h.ledger().problems.back();
            CHECK(q.state == t.to);
            REQUIRE(q.history.size() == history_before + 1);
            CHECK(q.history.back().kind == t.action);
            CHECK(q.history.back().id == "Q004-A" + std::to_string(history_before + 1));
            CHECK(q.history.back().stamp.revision == 1);
            CHECK(r.id == "Q004");
        } else {
            EditResult r = Refusal(h, [&] { return h.ApplyProblemAction(kContext, "Q004", a); });
            REQUIRE(r.errors.size() == 1);
            CHECK(r.errors[0].path == "kind");
            CHECK(r.errors[0].message_zh == t.reason_zh);
            CHECK(r.errors[0].message_en == t.reason_en);
            CHECK(h.ledger().problems.back().state == t.from);
        }
        // The buttons offered are the legal actions.
        std::vector<ActionKind> legal = LegalActions(t.from);
        CHECK((std::find(legal.begin(), legal.end(), t.action) != legal.end()) == t.legal);
    }
}

TEST_CASE("edit: what a problem action needs")
{
    EditHistory h(SmallLedger());
    ProblemActionInput close;
    close.kind = ActionKind::CloseOut;
    close.date = Date{2016, 6, 20};
    close.by = "  ";
    EditResult r = Refusal(h, [&] { return h.ApplyProblemAction(kContext, "Q001", close); });
    REQUIRE(r.errors.size() == 2);
    CHECK(ErrorAt(r, "by")->message_zh == "销号须写明销号单位或人员");
    CHECK(ErrorAt(r, "text")->message_en == "closing out needs how the problem was solved");
    close.by = "项目竣工攻坚组办公室";
    close.text = "已完成征地，问题销号";
    close.date = Date{};
    r = Refusal(h, [&] { return h.ApplyProblemAction(kContext, "Q001", close); });
    CHECK(ErrorAt(r, "date")->message_zh == "缺少必填字段");
    // Dated before the previous step: a warning, still applied.
    close.date = Date{2016, 5, 2};
    r = RoundTrip(h, [&] { return h.ApplyProblemAction(kContext, "Q001", close); }, "销号问题 Q001");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].path == "date");
    CHECK(r.warnings[0].message_zh == "处理日期 2016-05-02 早于上一步的 2016-05-03");
    const Problem& q = h.ledger().problems[0];
    CHECK(q.state == ProblemState::Closed);
    CHECK(q.history.back().id == "Q001-A3");
    CHECK(q.history.back().by == "项目竣工攻坚组办公室");
    CHECK(q.history.back().text == "已完成征地，问题销号");
    CHECK(q.stamp.revision == 3);
    CHECK(h.UndoLabel()->en == "Close out problem Q001");

    Findings f = CheckProblemAction(h.ledger(), "Q404", close);
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].message_zh == "交办问题 \"Q404\" 不存在");
    close.kind = ActionKind::Reopen;
    close.date = Date{2016, 7, 2};
    CHECK(CheckProblemAction(h.ledger(), "Q001", close).empty());
}

TEST_CASE("edit: undo and redo over several steps, redo cleared by a new edit")
{
    EditHistory h(SmallLedger());
    const std::string s0 = SaveLedger(h.ledger());
    CHECK_FALSE(h.CanUndo());
    CHECK_FALSE(h.Undo());
    CHECK_FALSE(h.Redo());
    CHECK(h.UndoLabel() == nullptr);
    const uint64_t g0 = h.Generation();

    REQUIRE(h.MoveProject(kContext, "P004", 0).applied);
    const std::string s1 = SaveLedger(h.ledger());
    REQUIRE(h.RemoveProblem(kContext, "Q003").applied);
    const std::string s2 = SaveLedger(h.ledger());
    Project draft = h.ledger().projects[1];
    draft.name = "湘江风光带（河西段）";
    REQUIRE(h.ReplaceProject(kContext, "P001", draft).applied);
    const std::string s3 = SaveLedger(h.ledger());
    CHECK(h.ledger().revision == 13);
    CHECK(h.Generation() != g0);

    std::vector<EditLabel> labels = h.UndoLabels();
    REQUIRE(labels.size() == 3);
    CHECK(labels[0].zh == "编辑项目 湘江风光带（河西段）");
    CHECK(labels[1].zh == "删除问题 Q003");
    CHECK(labels[2].zh == "移动项目 芦淞区社区卫生服务中心");

    REQUIRE(h.Undo());
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == s1);
    CHECK(h.RedoLabels().size() == 2);
    CHECK(h.RedoLabels()[0].zh == "删除问题 Q003");
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == s0);
    REQUIRE(h.Redo());
    REQUIRE(h.Redo());
    REQUIRE(h.Redo());
    CHECK(SaveLedger(h.ledger()) == s3);
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == s2);

    // A new edit after undo: the undone step cannot be redone any more.
    REQUIRE(h.RemoveProblem(kContext, "Q001").applied);
    CHECK_FALSE(h.CanRedo());
    CHECK(h.RedoLabel() == nullptr);
    CHECK(h.ledger().revision == 13);
    REQUIRE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == s2);
}

TEST_CASE("edit: unsaved changes across undo, redo and saving")
{
    EditHistory h(SmallLedger());
    CHECK_FALSE(h.IsDirty());
    REQUIRE(h.RemoveProblem(kContext, "Q003").applied);
    CHECK(h.IsDirty());
    h.Undo();
    CHECK_FALSE(h.IsDirty());   // back at what the file holds
    h.Redo();
    CHECK(h.IsDirty());
    h.MarkSaved();
    CHECK_FALSE(h.IsDirty());
    h.Undo();
    CHECK(h.IsDirty());
    h.Redo();
    CHECK_FALSE(h.IsDirty());
    REQUIRE(h.RemoveProblem(kContext, "Q002").applied);
    CHECK(h.IsDirty());
    h.Undo();
    CHECK_FALSE(h.IsDirty());

    // Saved, undone, then edited otherwise: the saved state is out of reach until the next save.
    h.Undo();
    REQUIRE(h.RemoveProblem(kContext, "Q001").applied);
    CHECK(h.IsDirty());
    h.Undo();
    CHECK(h.IsDirty());
    h.MarkSaved();
    CHECK_FALSE(h.IsDirty());

    // Restored from the browser's storage: not in any file yet.
    h.Reset(SmallLedger(), false);
    CHECK(h.IsDirty());
    CHECK_FALSE(h.CanUndo());
    h.Reset(SmallLedger());
    CHECK_FALSE(h.IsDirty());
    // An unchanged or refused command leaves the flag alone.
    CHECK(h.MoveProject(kContext, "P001", 0).unchanged);
    CHECK_FALSE(h.RemoveProblem(kContext, "Q404").applied);
    CHECK_FALSE(h.IsDirty());
}

TEST_CASE("edit: the undo limit forgets the oldest steps")
{
    EditHistory h(SmallLedger());
    h.SetUndoLimit(2);
    REQUIRE(h.RemoveProblem(kContext, "Q003").applied);
    const std::string after_first = SaveLedger(h.ledger());
    REQUIRE(h.RemoveProblem(kContext, "Q002").applied);
    REQUIRE(h.RemoveProblem(kContext, "Q001").applied);
    CHECK(h.UndoLabels().size() == 2);
    REQUIRE(h.Undo());
    REQUIRE(h.Undo());
    CHECK_FALSE(h.Undo());
    CHECK(SaveLedger(h.ledger()) == after_first);
    CHECK(h.IsDirty());   // the file's state (before the first step) is out of reach
}

TEST_CASE("edit: the edit time must be a timestamp")
{
    EditHistory h(SmallLedger());
    EditContext bad{"市住建局", "2016-07-01 10:00"};
    EditResult r = Refusal(h, [&] { return h.RemoveProblem(bad, "Q001"); });
    CHECK(r.errors[0].message_en == "the edit time \"2016-07-01 10:00\" is not an ISO 8601 timestamp");
    EditContext none{"", ""};   // allowed: the stamp then names no one and no time
    REQUIRE(h.RemoveProblem(none, "Q001").applied);
}

TEST_CASE("edit: text that is not UTF-8 is refused, so the saved file always loads")
{
    EditHistory h(SmallLedger());
    Project draft = h.ledger().projects[0];
    draft.name = "湘江\xE9";   // a character cut in half
    EditResult r = Refusal(h, [&] { return h.ReplaceProject(kContext, "P001", draft); });
    CHECK(ErrorAt(r, "name")->message_zh == "文本不是有效的 UTF-8");
    MonthlyReport report = h.ledger().projects[0].reports[0];
    report.progress_text = "\xFF";
    r = Refusal(h, [&] { return h.UpsertReport(kContext, "P001", report); });
    CHECK(ErrorAt(r, "progress_text"));
    ProblemActionInput a;
    a.kind = ActionKind::Feedback;
    a.date = Date{2016, 6, 1};
    a.text = "\xC3";
    r = Refusal(h, [&] { return h.ApplyProblemAction(kContext, "Q001", a); });
    CHECK(ErrorAt(r, "text")->message_en == "the text is not valid UTF-8");
    r = Refusal(h, [&] { return h.RemoveProblem(EditContext{"\xE5\xB8", ""}, "Q001"); });
    CHECK(r.errors[0].message_zh == "文本不是有效的 UTF-8");
}

TEST_CASE("edit: fresh IDs follow the ledger's style")
{
    Ledger l = SmallLedger();
    CHECK(NewProjectId(l) == "P005");
    CHECK(NewProblemId(l) == "Q004");
    CHECK(NewMilestoneId(l, l.projects[0]) == "P001-M3");
    CHECK(NewMilestoneId(l, l.projects[1]) == "P002-M1");
    l.projects.back().id = "p-009";
    CHECK(NewProjectId(l) == "p-010");
    l.projects.back().id = "P999";
    CHECK(NewProjectId(l) == "P1000");
    // The successor of the last ID is taken: the next free one.
    l.projects.back().id = "P002";
    l.projects[1].id = "P003X";
    CHECK(NewProjectId(l) == "P004");   // P003 is projects[2]
    l.problems.clear();
    CHECK(NewProblemId(l) == "Q001");
}
