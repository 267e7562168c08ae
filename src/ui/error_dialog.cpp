// Draws the load report as a modal popup whose open state follows AppState::report_dialog_open.
#include "error_dialog.h"

#include <algorithm>

#include "imgui.h"

#include "format.h"
#include "strings.h"
#include "text_wrap.h"
#include "theme.h"

namespace kpl::ui {

namespace {

constexpr const char* kPopupId = "###load_report";

std::string Location(const Diagnostic& d)
{
    if (!d.path.empty())
        return d.path;
    if (d.line > 0)
        return Format(Tr(StrId::ErrLineColumn), d.line, d.column);
    return Tr(StrId::ErrWholeFile);
}

const std::string& Message(const Diagnostic& d)
{
    return CurrentLanguage() == Language::English && !d.message_en.empty() ? d.message_en : d.message_zh;
}

void DiagnosticRows(const std::vector<Diagnostic>& diagnostics, const ImVec4& location_color)
{
    for (const Diagnostic& d : diagnostics) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushStyleColor(ImGuiCol_Text, location_color);
        TextWrappedCjk(Location(d));
        ImGui::PopStyleColor();
        ImGui::TableSetColumnIndex(1);
        TextWrappedCjk(Message(d));
    }
}

void SectionRow(const std::string& text, const ImVec4& color)
{
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(color, "%s", text.c_str());
}

} // namespace

void DrawLoadReportDialog(const AppState& state, CommandList& commands)
{
    const LoadReport& report = DialogReport(state);
    if (state.report_dialog_open && !ImGui::IsPopupOpen(kPopupId))
        ImGui::OpenPopup(kPopupId);

    // Sized for what it lists (two lines a row on average, for wrapped messages), within the window.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const int rows = static_cast<int>(report.errors.size() + report.warnings.size()) + 3;
    const float wanted = ImGui::GetFrameHeightWithSpacing() * 5 + ImGui::GetTextLineHeightWithSpacing() * 1.5f * rows;
    const ImVec2 size(std::min(820.0f, viewport->Size.x * 0.92f),
                      std::min({wanted, 600.0f, viewport->Size.y * 0.85f}));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    // The visible title changes with the outcome; the ID after ### stays the same.
    const std::string title = std::string(Tr(report.succeeded ? StrId::ReportTitle : StrId::ErrTitle)) + kPopupId;
    bool keep_open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keep_open, ImGuiWindowFlags_NoSavedSettings)) {
        if (state.report_dialog_open && !keep_open)
            commands.push_back({CommandKind::CloseLoadReport});
        return;
    }
    if (!state.report_dialog_open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }

    const StrId intro = report.succeeded ? StrId::ReportIntro : HasLedger(state) ? StrId::ErrIntro : StrId::ErrIntroNoLedger;
    TextWrappedCjk(Format(Tr(intro), report.file_name.c_str()));
    if (report.errors_truncated)
        ImGui::TextColored(theme::ErrorText(), "%s",
                           Format(Tr(StrId::ErrTruncated), static_cast<int>(report.errors.size())).c_str());
    ImGui::Spacing();

    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_NoSavedSettings;
    if (ImGui::BeginTable("diagnostics", 2, flags, ImVec2(0, -footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(Tr(StrId::ErrColLocation), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 16);
        ImGui::TableSetupColumn(Tr(StrId::ErrColMessage), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        if (!report.errors.empty()) {
            SectionRow(Format(Tr(StrId::ErrCount), static_cast<int>(report.errors.size())), theme::ErrorText());
            DiagnosticRows(report.errors, theme::ErrorText());
        }
        if (!report.warnings.empty()) {
            SectionRow(Format(Tr(StrId::ErrWarningCount), static_cast<int>(report.warnings.size())),
                       theme::WarningText());
            DiagnosticRows(report.warnings, theme::WarningText());
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    const float button_width = std::max(ImGui::CalcTextSize(Tr(StrId::ButtonOk)).x + 48, 96.0f);
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - button_width);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool ok = ImGui::Button(Tr(StrId::ButtonOk), ImVec2(button_width, 0));
    ImGui::PopStyleColor();
    if (ImGui::IsWindowAppearing())
        ImGui::SetItemDefaultFocus();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (ok || escape || enter) {
        commands.push_back({CommandKind::CloseLoadReport});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace kpl::ui
