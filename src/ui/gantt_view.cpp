#include "gantt_view.h"

#include "imgui.h"

namespace kpl::ui {

void DrawGanttView(const AppState& /*state*/, GanttView& /*view*/, const std::vector<int>& /*rows*/,
                   CommandList& /*commands*/, float /*reserve_bottom*/)
{
}

} // namespace kpl::ui
