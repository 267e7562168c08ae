// The app's look: a light, calm office theme (ImGui's colours and spacing) and the few semantic
// colours views use (status labels, totals row). UI module: ImGui only.
#pragma once
#include "imgui.h"

#include "core/model.h"

namespace kpl::ui {

void ApplyTheme();

namespace theme {
ImU32 TotalsRowBg();
ImU32 PercentBar();
ImVec4 DimText();
ImVec4 Accent();
ImVec4 TargetMark();
ImVec4 StatusColor(ProjectStatus status);
ImVec4 WarningText();
ImVec4 ErrorText();
} // namespace theme

} // namespace kpl::ui
