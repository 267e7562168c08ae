// Spreadsheets in the File menu and its windows: import an existing spreadsheet ledger (CSV in
// UTF-8 or GBK, .xlsx) through a column-mapping dialog with a preview and the rows in error; export
// the projects table, the problems list, the bulletin tables and the assessment as .xlsx and CSV.
// The reading, mapping and writing are src/sheets' (plain C++).
// UI module: ImGui, core, sheets.
#pragma once
#include "app.h"
#include "commands.h"
#include "platform/platform.h"

namespace kpl::ui {

// What the menu items and windows remember between frames.
struct SheetsView {
};

// Items of the File menu (call inside it).
void DrawSheetsFileItems(const AppState& state, SheetsView& view, CommandList& commands);
// The windows those items opened (call every frame inside the main window).
void DrawSheetsWindows(const AppState& state, SheetsView& view, CommandList& commands);
// A file chosen for the "sheet" purpose (always taken; errors are shown by the module), or a
// dropped file: returns whether it was recognised as a spreadsheet (.csv, .xlsx) and taken.
bool OnSheetsFile(const AppState& state, SheetsView& view, const platform::OpenedFile& file, CommandList& commands);

} // namespace kpl::ui
