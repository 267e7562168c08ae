// The dashboard (总览): the chosen month's key figures, each clickable down to its projects; the
// S-curve of planned and actual investment with the 序时进度 line; plan-vs-completed bars by district
// and by department; status and warning breakdowns. Layouts come from core/charts.h; this file only
// draws them with ImDrawList and shows hover values.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app.h"
#include "commands.h"
#include "core/charts.h"

namespace kpl::ui {

// One key-figure card as drawn: its texts (the explanation is core's ExplainFigure wording) and the
// projects its buttons drill down to. Built with the figures, not on every frame.
struct DashboardCard {
    enum class Tone { Normal, Yellow, Red };
    const char* key = "";       // mark name: dashboard.figure.<key>
    std::string title, value, detail, tooltip;
    Tone tone = Tone::Normal;   // the figure's colour
    std::vector<int> numerator;
    std::vector<int> denominator;
    bool is_rate = false;       // a rate has a denominator to drill down to; a list has not
};

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
    // The cards for `data`, in the language they were built in (their texts come from the catalogue).
    std::vector<DashboardCard> cards;
    bool cards_stale = true;
    Language cards_language = Language::Chinese;
};

// Fills the rest of the current window's height minus `reserve_bottom` pixels.
void DrawDashboard(const AppState& state, DashboardView& view, CommandList& commands, float reserve_bottom);

} // namespace kpl::ui
