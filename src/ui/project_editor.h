// The project editor: a side panel showing one project's every field in groups (基本信息, 责任, 资金,
// 状态, 时间节点, 月报, 交办问题), with the findings of validate.h next to each field. The panel
// edits a draft copy of the record; each finished change (a field left, Enter, a choice made) is one
// edit command through EditHistory, hence one undo step. Milestones are added, removed and moved,
// a month's report is entered through UpsertReport.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app.h"
#include "commands.h"
#include "core/validate.h"

namespace kpl::ui {

struct ProjectEditorView {
    std::string project_id;                 // the project the draft was taken from
    uint64_t loaded_generation = 0;         // the ledger state it was taken at
    Project draft;
    Findings findings;                      // validate.h on the draft
    bool findings_stale = true;
    std::map<std::string, std::string> texts;  // what the user typed in money and date fields, by path
    std::map<std::string, bool> bad;        // fields whose text is no valid value, by path
    // the monthly report form
    int report_month = 0;                   // 1..12 of the ledger's year; 0: pick the as-of month
    std::string report_for;                 // "<project id>@<month>" the form was filled for
    uint64_t report_generation = 0;
    MonthlyReport report;
    std::string report_investment, report_funds;
    bool report_investment_bad = false, report_funds_bad = false;
    Findings report_findings;
};

void DrawProjectEditor(const AppState& state, ProjectEditorView& view, CommandList& commands);

} // namespace kpl::ui
