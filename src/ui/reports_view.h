// The 报表 menu and its windows: the monthly bulletin (一月一通报), the quarterly dispatch
// (一季一调度), rankings and the interview list (三约谈), the annual assessment (年度考核) with the
// office's qualitative scores, and the campaign calendar; each previewed and downloaded as HTML or
// CSV. The documents come from core/bulletin.h and core/ranking.h.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "app.h"
#include "commands.h"
#include "core/bulletin.h"

namespace kpl::ui {

// What the menu and windows remember between frames.
struct ReportsView {
    bool bulletin_open = false, dispatch_open = false, rankings_open = false, assessment_open = false,
         calendar_open = false;
    // The chosen periods (year 0: not chosen yet, the ledger's as-of month is taken).
    YearMonth bulletin_month{0, 0}, rankings_month{0, 0}, assessment_month{0, 0};
    int dispatch_quarter = 0;

    // Documents built for the ledger as of `cache_generation`, by month (YearMonth::Index()) or
    // quarter: building one takes a while on a big ledger, drawing it every frame must not.
    uint64_t cache_generation = UINT64_MAX;
    std::map<int, Bulletin> bulletins;
    std::map<int, Dispatch> dispatches;
    std::map<int, Assessment> assessments;
    // The rankings the ledger gives now, for publishing and for comparing with a publication.
    std::map<int, MonthRankings> computed_rankings;
    std::map<int, std::vector<RankingChange>> ranking_changes;
    int calendar_noted_year = 0;          // the campaign calendar whose text the font atlas was given

    // The qualitative score fields' text by unit ID, and the unit whose text was no valid score.
    std::map<std::string, std::string> qualitative_text;
    std::string qualitative_bad_unit;

    // A publication action waiting for the user's confirmation (replacing or withdrawing one).
    enum class PendingPublication { None, Republish, Withdraw };
    PendingPublication pending_publication = PendingPublication::None;
    YearMonth pending_month{0, 0};
};

// A top-level menu of the main menu bar.
void DrawReportsMenu(const AppState& state, ReportsView& view, CommandList& commands);
// The windows the menu opened (call every frame inside the main window).
void DrawReportsWindows(const AppState& state, ReportsView& view, CommandList& commands);

} // namespace kpl::ui
