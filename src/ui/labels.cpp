// Maps enumeration values to catalogue entries.
#include "labels.h"

#include "strings.h"

namespace kpl::ui {

const ProjectStatus kAllStatuses[4] = {ProjectStatus::NotStarted, ProjectStatus::UnderConstruction,
                                       ProjectStatus::Completed, ProjectStatus::Commissioned};
const ProblemCategory kAllProblemCategories[7] = {ProblemCategory::Land, ProblemCategory::Traffic,
                                                  ProblemCategory::Road, ProblemCategory::Power,
                                                  ProblemCategory::Funding, ProblemCategory::Approval,
                                                  ProblemCategory::Other};
const ProblemState kAllProblemStates[5] = {ProblemState::Assigned, ProblemState::Accepted, ProblemState::Feedback,
                                           ProblemState::Closed, ProblemState::Reopened};
const ActionKind kAllActions[6] = {ActionKind::Assign, ActionKind::Accept, ActionKind::Feedback,
                                   ActionKind::Supervise, ActionKind::CloseOut, ActionKind::Reopen};

// Each enumeration's entries are consecutive in StrId, in the enumeration's order.
const char* Label(ProjectStatus value)
{
    return Tr(static_cast<StrId>(static_cast<int>(StrId::StatusNotStarted) + static_cast<int>(value)));
}

const char* Label(ProblemCategory value)
{
    return Tr(static_cast<StrId>(static_cast<int>(StrId::CategoryLand) + static_cast<int>(value)));
}

const char* Label(ProblemState value)
{
    return Tr(static_cast<StrId>(static_cast<int>(StrId::StateAssigned) + static_cast<int>(value)));
}

const char* Label(ActionKind value)
{
    return Tr(static_cast<StrId>(static_cast<int>(StrId::ActionAssign) + static_cast<int>(value)));
}

} // namespace kpl::ui
