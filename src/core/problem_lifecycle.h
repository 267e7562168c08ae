// The life of an assigned problem (交办 → 签收 → 反馈 → 销号, 退回重办): which action is legal in
// which state, and where it leads. One table, used by the loader and by editing alike.
// Core module: standard library only.
#pragma once
#include <optional>
#include <string>

#include "model.h"

namespace kpl {

struct TransitionResult {
    std::optional<ProblemState> next;  // absent when the action is not allowed
    std::string reason_zh;             // why not, when not allowed
    std::string reason_en;
};

// `current` is absent for a problem with no history yet (only "assign" is allowed then).
TransitionResult ApplyAction(std::optional<ProblemState> current, ActionKind action);

// The state a history leads to, or nothing when some step is illegal.
std::optional<ProblemState> StateAfter(const std::vector<ProblemAction>& history);

} // namespace kpl
