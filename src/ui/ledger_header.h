// The header strip above the projects table: the ledger's title, year and reporting month, and
// its headline figures (projects, completion targets, plan in 万元 and 亿元, completed this year).
// UI module: ImGui; the figures come from core's Summarize (AppState::summary).
#pragma once
#include "imgui.h"

#include "app.h"

namespace kpl::ui {

void DrawLedgerHeader(const AppState& state, ImFont* headline_font);

} // namespace kpl::ui
