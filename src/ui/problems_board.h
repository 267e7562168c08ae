// The problems board (交办问题): every problem across projects, filtered by responsible unit, state,
// category, project, overdue / open only and text (core's FilterProblems), with the due status of
// each (overdue red, due within settings.warnings.due_soon_days amber, core's ProblemDueStatus);
// the selected problem's full history as a timeline, and the lifecycle's actions (签收, 反馈, 督查,
// 销号, 退回重办) as buttons — illegal ones disabled with the lifecycle's reason — plus assigning a
// new problem (交办). Each action is one edit command (ApplyProblemAction / AssignProblem).
// "Today" for deadlines is LedgerToday() (app.h): the real date, capped at the as-of month's end.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "commands.h"
#include "core/query.h"

namespace kpl::ui {

struct ProblemsBoardView {
    ProblemFilter filter;
    std::vector<int> rows;               // ledger.problems rows passing the filter
    uint64_t rows_generation = 0;
    bool rows_stale = true;
    Date rows_today;
    std::string selected_id;
    uint64_t focus_seen = 0;
    // the action form of the selected problem
    bool action_open = false;
    ActionKind action_kind = ActionKind::Accept;
    std::string action_date_text;
    std::optional<Date> action_date;
    bool action_date_bad = false;
    std::string action_by, action_text;
    // the assign (交办) form
    bool assign_open = false;
    Problem assign;
    std::string assign_by, assign_note;
    std::string assign_date_text, assign_deadline_text;
    std::optional<Date> assign_date, assign_deadline;
    bool assign_date_bad = false, assign_deadline_bad = false;
};

void DrawProblemsBoard(const AppState& state, ProblemsBoardView& view, CommandList& commands, float reserve_bottom);

} // namespace kpl::ui
