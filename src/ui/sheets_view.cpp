#include "sheets_view.h"

#include "imgui.h"

namespace kpl::ui {

void DrawSheetsFileItems(const AppState& /*state*/, SheetsView& /*view*/, CommandList& /*commands*/) {}

void DrawSheetsWindows(const AppState& /*state*/, SheetsView& /*view*/, CommandList& /*commands*/) {}

bool OnSheetsFile(const AppState& /*state*/, SheetsView& /*view*/, const platform::OpenedFile& /*file*/,
                  CommandList& /*commands*/)
{
    return false;
}

} // namespace kpl::ui
