// Draws the status line.
#include "status_bar.h"

#include "imgui.h"

#include "format.h"
#include "strings.h"
#include "theme.h"

namespace kpl::ui {

float StatusBarHeight()
{
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
}

void DrawStatusBar(const AppState& state, CommandList& commands)
{
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    if (!HasLedger(state)) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::StatusNoLedger));
        return;
    }
    ImGui::TextUnformatted(Format(Tr(StrId::StatusFile), state.file_name.c_str()).c_str());
    ImGui::SameLine(0, 16);
    if (IsDirty(state))
        ImGui::TextColored(theme::WarningText(), "%s", Tr(StrId::StatusDirty));  // the dot is in the catalogue so the font atlas has it
    else
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::StatusSaved));
    // Why the last edit was refused, until the next one applies.
    if (!state.refused_errors.empty()) {
        const Diagnostic& d = state.refused_errors.front();
        ImGui::SameLine(0, 16);
        ImGui::TextColored(theme::ErrorText(), "%s %s",  Tr(StrId::EditRefused),
                           (CurrentLanguage() == Language::English ? d.message_en : d.message_zh).c_str());
    }
    // The check result of the open file (a failed later load does not change it: its dialog says so).
    const LoadReport& report = state.open_file_report;
    if (report.succeeded) {
        ImGui::SameLine(0, 16);
        if (report.warnings.empty()) {
            ImGui::TextColored(theme::TargetMark(), "%s", Tr(StrId::StatusChecked));
        } else {
            // A link-like button: the count of warnings opens the list.
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgActive));
            ImGui::PushStyleColor(ImGuiCol_Text, theme::WarningText());
            if (ImGui::SmallButton(Format(Tr(StrId::StatusWarnings), static_cast<int>(report.warnings.size())).c_str()))
                commands.push_back({CommandKind::ShowLoadReport});
            ImGui::PopStyleColor(4);
        }
    }
}

} // namespace kpl::ui
