// The problem lifecycle table: which action is legal in which state, and why not when it is not.
#include "problem_lifecycle.h"

#include <initializer_list>

namespace kpl {

namespace {

TransitionResult Allowed(ProblemState next) { return TransitionResult{next, {}, {}}; }

TransitionResult Refused(const char* zh, const char* en) { return TransitionResult{std::nullopt, zh, en}; }

bool IsOneOf(ProblemState s, std::initializer_list<ProblemState> states)
{
    for (ProblemState candidate : states)
        if (s == candidate)
            return true;
    return false;
}

} // namespace

TransitionResult ApplyAction(std::optional<ProblemState> current, ActionKind action)
{
    using S = ProblemState;
    if (!current) {
        if (action == ActionKind::Assign)
            return Allowed(S::Assigned);
        return Refused("处理记录的第一步必须是交办", "the first action must be assign");
    }
    const S state = *current;
    const bool closed = state == S::Closed;
    switch (action) {
    case ActionKind::Assign:
        return Refused("问题已经交办，不能再次交办", "the problem is already assigned; it cannot be assigned again");
    case ActionKind::Accept:
        if (IsOneOf(state, {S::Assigned, S::Reopened}))
            return Allowed(S::Accepted);
        if (closed)
            return Refused("已销号的问题不能签收", "a closed problem cannot be accepted");
        return Refused("问题已经签收，不能再次签收", "the problem is already accepted; it cannot be accepted again");
    case ActionKind::Feedback:
        if (IsOneOf(state, {S::Accepted, S::Feedback, S::Reopened}))
            return Allowed(S::Feedback);
        if (closed)
            return Refused("已销号的问题不能反馈", "a closed problem cannot receive feedback");
        return Refused("问题尚未签收，不能反馈", "the problem must be accepted before feedback");
    case ActionKind::Supervise:
        if (closed)
            return Refused("已销号的问题不能督查", "a closed problem cannot be supervised");
        return Allowed(state);
    case ActionKind::CloseOut:
        if (closed)
            return Refused("已销号的问题不能再次销号", "a closed problem cannot be closed out again");
        return Allowed(S::Closed);
    case ActionKind::Reopen:
        if (closed)
            return Allowed(S::Reopened);
        return Refused("只有已销号的问题才能退回重办", "only a closed problem can be reopened");
    }
    return Refused("未知的处理动作", "unknown action");
}

std::optional<ProblemState> StateAfter(const std::vector<ProblemAction>& history)
{
    std::optional<ProblemState> state;
    for (const ProblemAction& action : history) {
        TransitionResult step = ApplyAction(state, action.kind);
        if (!step.next)
            return std::nullopt;
        state = step.next;
    }
    return state;
}

} // namespace kpl
