#include "reports_view.h"

#include "imgui.h"

namespace kpl::ui {

void DrawReportsMenu(const AppState& /*state*/, ReportsView& /*view*/, CommandList& /*commands*/) {}

void DrawReportsWindows(const AppState& /*state*/, ReportsView& /*view*/, CommandList& /*commands*/) {}

} // namespace kpl::ui
