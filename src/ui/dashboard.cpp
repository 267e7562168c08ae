#include "dashboard.h"

#include "imgui.h"

namespace kpl::ui {

void DrawDashboard(const AppState& /*state*/, DashboardView& /*view*/, CommandList& /*commands*/,
                   float /*reserve_bottom*/)
{
}

} // namespace kpl::ui
