// The dashboard (总览): the chosen month's key figures, each clickable down to its projects; the
// S-curve of planned and actual investment with the 序时进度 line; plan-vs-completed bars by district
// and by department; status and warning breakdowns. Layouts come from core/charts.h; this file only
// draws them with ImDrawList and shows hover values.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>

#include "app.h"
#include "commands.h"
#include "core/charts.h"

namespace kpl::ui {

// What the view remembers between frames: the month and scope chosen, and the figures computed for
// them (rebuilt only when the ledger's generation, the month or the scope changes).
struct DashboardView {
    uint64_t month_for_file = ~uint64_t(0);  // file generation the month was defaulted for
    YearMonth month;                         // the month shown
    ChartScope scope;                        // the S-curve's scope

    uint64_t timelines_generation = ~uint64_t(0);
    LedgerTimelines timelines;
    uint64_t data_generation = ~uint64_t(0);
    YearMonth data_month;
    DashboardData data;
    uint64_t curve_generation = ~uint64_t(0);
    YearMonth curve_month;
    ChartScope curve_scope;
    SCurveSeries curve;
    uint64_t text_serial = 0;                // bumped when `data` is rebuilt (new explanations)
};

// The text core composes for the cards' explanations ("履约率 = 截至…"), for the font atlas; call
// when view.text_serial moves.
void ForEachDashboardText(const DashboardView& view, const Ledger& ledger,
                          const std::function<void(std::string_view)>& visit);

// Fills the rest of the current window's height minus `reserve_bottom` pixels.
void DrawDashboard(const AppState& state, DashboardView& view, CommandList& commands, float reserve_bottom);

} // namespace kpl::ui
