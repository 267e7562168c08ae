// Draws the menu bar, with the app's name at its right end, and maps shortcuts to commands.
#include "main_menu.h"

#include "imgui.h"

#include "strings.h"
#include "theme.h"

namespace kpl::ui {

void DrawMainMenu(const AppState& state, CommandList& commands)
{
    if (!ImGui::BeginMenuBar())
        return;
    if (ImGui::BeginMenu(Tr(StrId::MenuFile))) {
        if (ImGui::MenuItem(Tr(StrId::MenuOpen), Tr(StrId::ShortcutOpen)))
            commands.push_back({CommandKind::OpenFile});
        if (ImGui::MenuItem(Tr(StrId::MenuSave), Tr(StrId::ShortcutSave), false, state.ledger.has_value()))
            commands.push_back({CommandKind::SaveFile});
        ImGui::EndMenu();
    }
    // The app's name at the right end of the bar, dim: the title of the window, in effect.
    const char* app_name = Tr(StrId::AppName);
    const float width = ImGui::CalcTextSize(app_name).x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (right - width > ImGui::GetCursorPosX() + 20) {
        ImGui::SetCursorPosX(right - width);
        ImGui::TextColored(theme::DimText(), "%s", app_name);
    }
    ImGui::EndMenuBar();
}

bool CommandForShortcut(char letter, const AppState& /*state*/, Command& command)
{
    switch (letter) {
    case 'O': command = {CommandKind::OpenFile}; return true;
    case 'S':
        // Taken even with no ledger open (saving does nothing then): the browser's "save page"
        // would only save the empty shell.
        command = {CommandKind::SaveFile};
        return true;
    default: return false;
    }
}

} // namespace kpl::ui
