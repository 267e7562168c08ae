// Draws the restore notice (a bar under the menu), the version history window and the Save As
// prompt. Actions run at once: they only start asynchronous work (storage reads, a download) whose
// results arrive between frames.
#include "recovery_view.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_stdlib.h"

#include "format.h"
#include "platform/platform.h"
#include "status_bar.h"
#include "strings.h"
#include "text_wrap.h"
#include "theme.h"

namespace kpl::ui {

namespace {

void DrawNotice(AppState& state, Workspace& workspace)
{
    if (!workspace.notice_open)
        return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Across the window just above the status line, where it hides table rows rather than the
    // ledger's title and figures.
    const float bottom = viewport->WorkPos.y + viewport->WorkSize.y - StatusBarHeight() - 2;
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, bottom), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.96f, 0.82f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.90f, 0.75f, 0.35f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##restore_notice", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Format(Tr(StrId::NoticeRestored), workspace.notice_time.c_str()).c_str());
        ImGui::SameLine(0, 24);
        if (ImGui::Button(Tr(StrId::NoticeShowVersions)))
            workspace.versions_open = true;
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 size = ImGui::GetItemRectSize();
        workspace.versions_button[0] = min.x;
        workspace.versions_button[1] = min.y;
        workspace.versions_button[2] = size.x;
        workspace.versions_button[3] = size.y;
        ImGui::SameLine();
        if (ImGui::Button(Tr(StrId::NoticeDiscard)))
            workspace.DiscardRestored(state);
        ImGui::SameLine();
        if (ImGui::Button(Tr(StrId::ButtonClose)))
            workspace.notice_open = false;
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void DrawVersions(AppState& state, Workspace& workspace)
{
    if (!workspace.versions_open)
        return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, viewport->WorkSize.x - 40), std::min(460.0f, viewport->WorkSize.y - 60)),
                             ImGuiCond_Appearing);
    const std::string title = std::string(Tr(StrId::VersionsTitle)) + "###versions";
    if (!ImGui::Begin(title.c_str(), &workspace.versions_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    const std::vector<StoredVersion>& versions = workspace.Versions();
    TextWrappedCjk(Format(Tr(StrId::VersionsIntro), static_cast<int>(workspace.policy.keep_versions)));
    ImGui::Spacing();
    if (versions.empty()) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::VersionsEmpty));
    } else if (ImGui::BeginTable("##versions_table", 6,
                                 ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_SizingFixedFit,
                                 ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(Tr(StrId::VersionsColTime));
        ImGui::TableSetupColumn(Tr(StrId::VersionsColFile), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(Tr(StrId::VersionsColProjects));
        ImGui::TableSetupColumn(Tr(StrId::VersionsColRevision));
        ImGui::TableSetupColumn(Tr(StrId::VersionsColState));
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        // Newest first; the newest is what the browser holds as the current work.
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
            const StoredVersion& v = *it;
            ImGui::PushID(static_cast<int>(v.id));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(platform::LocalTimeText(v.time_ms).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(v.file_name.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::Text("%d", static_cast<int>(v.project_count));
            ImGui::TableSetColumnIndex(3);
            ImGui::Text("%lld", static_cast<long long>(v.revision));
            ImGui::TableSetColumnIndex(4);
            if (v.unsaved)
                ImGui::TextColored(theme::WarningText(), "%s", Tr(StrId::VersionsUnsaved));
            else
                ImGui::TextUnformatted(Tr(StrId::VersionsInFile));
            ImGui::TableSetColumnIndex(5);
            if (ImGui::SmallButton(Tr(StrId::ButtonRestore)))
                workspace.RestoreVersion(state, v.id);
            if (it == versions.rbegin()) {
                const ImVec2 min = ImGui::GetItemRectMin();
                const ImVec2 size = ImGui::GetItemRectSize();
                workspace.restore_button[0] = min.x;
                workspace.restore_button[1] = min.y;
                workspace.restore_button[2] = size.x;
                workspace.restore_button[3] = size.y;
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(Tr(StrId::ButtonClose)) || (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        workspace.versions_open = false;
    ImGui::End();
}

void DrawSaveAs(AppState& state, Workspace& workspace)
{
    constexpr const char* kPopupId = "###save_as";
    const std::string title = std::string(Tr(StrId::SaveAsTitle)) + kPopupId;
    if (workspace.save_as_open && !ImGui::IsPopupOpen(kPopupId))
        ImGui::OpenPopup(title.c_str());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    if (!workspace.save_as_open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(Tr(StrId::SaveAsPrompt));
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(420);
    const bool entered = ImGui::InputText("##save_as_name", &workspace.save_as_name, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool named = !workspace.save_as_name.empty();
    ImGui::Spacing();
    ImGui::BeginDisabled(!named);
    const bool save = ImGui::Button(Tr(StrId::ButtonSave), ImVec2(100, 0)) || (entered && named);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button(Tr(StrId::ButtonCancel), ImVec2(100, 0)) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (save) {
        workspace.SaveToFile(state, true, DownloadName(workspace.save_as_name));
        workspace.save_as_open = false;
    } else if (cancel) {
        workspace.save_as_open = false;
    }
    if (!workspace.save_as_open)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace

void DrawRecoveryViews(AppState& state, Workspace& workspace)
{
    DrawNotice(state, workspace);
    DrawVersions(state, workspace);
    DrawSaveAs(state, workspace);
}

} // namespace kpl::ui
