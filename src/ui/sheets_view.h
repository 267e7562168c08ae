// Spreadsheets in the File menu and its windows: import an existing spreadsheet ledger (CSV in
// UTF-8 or GBK, .xlsx) through a column-mapping dialog with a preview and the rows in error; export
// the projects table, the problems list, the bulletin tables and the assessment as .xlsx and CSV.
// The reading, mapping and writing are src/sheets' (plain C++).
// UI module: ImGui, core, sheets.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "commands.h"
#include "platform/platform.h"
#include "sheets/sheet_import.h"
#include "sheets/sheet_read.h"

namespace kpl::ui {

// What the menu items and windows remember between frames.
struct SheetsView {
    bool import_open = false;             // the mapping dialog
    std::string file_name;                // the spreadsheet chosen
    std::string read_error;               // why it could not be read ("" when it was)
    std::string format;                   // "CSV (GBK)", "xlsx"
    std::vector<sheets::Sheet> sheets;
    int sheet_index = 0;
    sheets::ColumnMapping mapping;
    sheets::ImportDefaults defaults;
    sheets::SheetImport preview;          // BuildImport under the mapping, for the open ledger
    uint64_t preview_generation = 0;      // the ledger generation the preview was built for
    bool preview_stale = true;
};

// Items of the File menu (call inside it).
void DrawSheetsFileItems(const AppState& state, SheetsView& view, CommandList& commands);
// The windows those items opened (call every frame inside the main window).
void DrawSheetsWindows(const AppState& state, SheetsView& view, CommandList& commands);
// A file chosen for the "sheet" purpose (always taken; errors are shown by the module), or a
// dropped file: returns whether it was recognised as a spreadsheet (.csv, .xlsx) and taken.
bool OnSheetsFile(const AppState& state, SheetsView& view, const platform::OpenedFile& file, CommandList& commands);

} // namespace kpl::ui
