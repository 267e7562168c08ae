// The display labels of the model's enumerations (status, problem category, state, action) in the
// current language, from the string catalogue. core's ChineseLabel stays for the command-line tool.
// UI module, no ImGui: standard library, core, strings.
#pragma once
#include "core/model.h"

namespace kpl::ui {

const char* Label(ProjectStatus value);
const char* Label(ProblemCategory value);
const char* Label(ProblemState value);
const char* Label(ActionKind value);

// Every value of each enumeration, in its natural order (for combos and filter lists).
extern const ProjectStatus kAllStatuses[4];
extern const ProblemCategory kAllProblemCategories[7];
extern const ProblemState kAllProblemStates[5];
extern const ActionKind kAllActions[6];

} // namespace kpl::ui
