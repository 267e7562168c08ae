// Lays out the full-window interface (menu, header strip, projects table, status line, dialog)
// and answers the page's hooks.
#include "main_window.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"  // the active text field's buffer, for the font atlas

#include "error_dialog.h"
#include "ledger_header.h"
#include "ledger_text.h"
#include "main_menu.h"
#include "status_bar.h"
#include "strings.h"
#include "text_wrap.h"
#include "test_marks.h"
#include "theme.h"

namespace kpl::ui {

namespace {

constexpr const char* kDemoFileName = "demo-ledger.json";
constexpr const char* kFontFile = "fonts/ui.ttf";

std::string Dump(const nlohmann::json& j)
{
    // Replace rather than throw on invalid UTF-8: a report must never fail.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

void AppUi::Startup()
{
    if (std::optional<std::string> ttf = platform::ReadBundledFile(kFontFile))
        fonts_.SetFontData(std::move(*ttf));
    ForEachUiString([this](const char* text) { fonts_.AddText(text); });
    ForEachEnumLabel([this](std::string_view text) { fonts_.AddText(text); });

    if (std::optional<std::string> demo = platform::ReadBundledFile(kDemoFileName))
        OpenLedgerFile(state_, kDemoFileName, *demo);
    else
        ReportUnreadableFile(state_, kDemoFileName, StrId::ErrReadDemo);
}

bool AppUi::PrepareFonts(float pixel_ratio)
{
    if (HasLedger(state_) && fonts_have_generation_ != LedgerGeneration(state_)) {
        fonts_.AddLedger(*CurrentLedger(state_), fonts_have_file_ != state_.file_generation);
        fonts_have_generation_ = LedgerGeneration(state_);
        fonts_have_file_ = state_.file_generation;
    }
    // What is being typed is in no ledger yet: its characters join the atlas as they arrive, so a
    // newly typed Chinese character shows at once rather than as '?'.
    if (ImGuiContext* context = ImGui::GetCurrentContext()) {
        const ImGuiInputTextState& input = context->InputTextState;
        if (input.ID != 0 && context->ActiveId == input.ID && input.CurLenW > 0) {
            std::string utf8(static_cast<std::size_t>(input.CurLenW) * 4 + 1, '\0');
            const int length = ImTextStrToUtf8(utf8.data(), static_cast<int>(utf8.size()), input.TextW.Data,
                                               input.TextW.Data + input.CurLenW);
            utf8.resize(static_cast<std::size_t>(length));
            fonts_.AddText(utf8);
        }
    }
    // Text the views noted as shown (core's wording, an imported spreadsheet), between frames too.
    fonts_.TakeNotedText();
    if (fonts_have_load_ != state_.load_count) {
        // File names and diagnostics quote whatever the file held.
        const LoadReport& report = state_.last_load;
        fonts_.AddText(report.file_name);
        for (const std::vector<Diagnostic>* list : {&report.errors, &report.warnings})
            for (const Diagnostic& d : *list) {
                fonts_.AddText(d.path);
                fonts_.AddText(d.message_zh);
                fonts_.AddText(d.message_en);
            }
        fonts_have_load_ = state_.load_count;
    }
    if (!fonts_.NeedsRebuild(pixel_ratio))
        return false;
    fonts_.Rebuild(pixel_ratio);
    return true;
}

void AppUi::Draw()
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    BeginMarksFrame();
    gantt_view_.ctrl_wheel_zooms = false;  // set again only if the timeline is drawn under the mouse
    ImGui::Begin("##main", nullptr, flags);
    MenuExtensions extensions;
    extensions.file_items = [this] {
        DrawSharingFileItems(state_, sharing_view_, commands_);
        DrawSheetsFileItems(state_, sheets_view_, commands_);
    };
    extensions.menus = [this] { DrawReportsMenu(state_, reports_view_, commands_); };
    DrawMainMenu(state_, commands_, extensions);
    if (HasLedger(state_)) {
        DrawLedgerHeader(state_, fonts_.Headline());
        DrawWorkArea();
    } else {
        DrawEmptyState();
    }
    DrawStatusBar(state_, commands_);
    DrawReportsWindows(state_, reports_view_, commands_);
    DrawSharingWindows(state_, sharing_view_, commands_);
    DrawSheetsWindows(state_, sheets_view_, commands_);
    DrawLoadReportDialog(state_, commands_);
    HandleEscape();
    ImGui::End();
}

// The views as tabs. A view chosen elsewhere (the View menu, a drill-down) selects its tab; ImGui
// shows that selection a frame or two later, so the tabs' own report is ignored meanwhile, and frames
// are asked for until it settles (the idle policy would otherwise stop drawing halfway). A click on a
// tab is the user's choice already shown: it switches the view without such a request.
void AppUi::DrawViewTabs()
{
    if (state_.active_view != shown_view_) {
        shown_view_ = state_.active_view;
        tab_request_ = 3;
    }
    struct Tab {
        ActiveView view;
        StrId label;
        CommandKind show;
        const char* mark;
    };
    static const Tab kTabs[] = {
        {ActiveView::Projects, StrId::ViewProjects, CommandKind::ShowProjects, "tab.projects"},
        {ActiveView::Problems, StrId::ViewProblems, CommandKind::ShowProblems, "tab.problems"},
        {ActiveView::Dashboard, StrId::ViewDashboard, CommandKind::ShowDashboard, "tab.dashboard"},
        {ActiveView::Gantt, StrId::ViewGantt, CommandKind::ShowGantt, "tab.gantt"},
    };
    if (ImGui::BeginTabBar("##views")) {
        for (const Tab& tab : kTabs) {
            const bool active = state_.active_view == tab.view;
            const ImGuiTabItemFlags flags = tab_request_ == 3 && active ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(Tr(tab.label), nullptr, flags);
            MarkItem(tab.mark);
            if (open) {
                if (!active && tab_request_ == 0) {
                    commands_.push_back({tab.show});
                    shown_view_ = tab.view;
                }
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    if (tab_request_ > 0) {
        --tab_request_;
        state_.redraw_requested = true;
    }
}

void AppUi::DrawWorkArea()
{
    DrawViewTabs();
    const float reserve = StatusBarHeight();
    switch (state_.active_view) {
    case ActiveView::Problems: DrawProblemsBoard(state_, problems_view_, commands_, reserve); return;
    case ActiveView::Dashboard: DrawDashboard(state_, dashboard_view_, commands_, reserve); return;
    case ActiveView::Gantt:
        // The table's rows, current even when the table has not been drawn since the ledger changed.
        UpdateProjectRows(state_, table_view_);
        DrawGanttView(state_, gantt_view_, table_view_.rows, commands_, reserve);
        return;
    case ActiveView::Projects: break;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = std::max(avail.y - reserve, ImGui::GetFrameHeight() * 4);
    if (state_.editor_open && !state_.selected_project_id.empty()) {
        const float panel = std::min(34 * ImGui::GetFontSize(), avail.x * 0.5f);
        ImGui::BeginChild("##table-area", ImVec2(avail.x - panel - ImGui::GetStyle().ItemSpacing.x, height));
        DrawProjectsView(state_, table_view_, commands_, 0);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##editor", ImVec2(panel, height), true);
        DrawProjectEditor(state_, editor_view_, commands_);
        ImGui::EndChild();
    } else {
        DrawProjectsView(state_, table_view_, commands_, reserve);
    }
}

// Esc closes what is on top: the top dropdown or menu; a text field or a modal dialog handles it
// itself; else the editor.
void AppUi::HandleEscape()
{
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || ImGui::GetIO().WantTextInput)
        return;
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
        // A dropdown or menu closes on Escape, as in any desktop program (ImGui does it only with
        // keyboard navigation on). A modal dialog handles Escape itself.
        const ImGuiContext& context = *ImGui::GetCurrentContext();
        const ImGuiWindow* top = context.OpenPopupStack.back().Window;
        if (!top || !(top->Flags & ImGuiWindowFlags_Modal))
            ImGui::ClosePopupToLevel(context.OpenPopupStack.Size - 1, true);  // only the top one
        return;
    }
    if (state_.report_dialog_open)
        return;  // the dialog closes itself on Escape
    if (state_.editor_open)
        commands_.push_back({CommandKind::CloseEditor});
}

// The page's title follows the file and its unsaved changes, like a desktop window's title bar.
void AppUi::SyncPageTitle()
{
    std::string title;
    if (IsDirty(state_))
        title += "● ";
    if (!state_.file_name.empty())
        title += state_.file_name + " — ";
    title += Tr(StrId::AppName);
    if (title != page_title_) {
        page_title_ = title;
        platform::SetPageTitle(title);
    }
}

void AppUi::DrawEmptyState()
{
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = avail.y - StatusBarHeight();
    ImGui::BeginChild("##empty", ImVec2(avail.x, height));
    const char* title = Tr(StrId::EmptyTitle);
    const char* hint = Tr(StrId::EmptyHint);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGui::SetCursorPosY(height * 0.4f - line);
    ImGui::SetCursorPosX((avail.x - ImGui::CalcTextSize(title).x) * 0.5f);
    ImGui::TextUnformatted(title);
    const float hint_width = std::min(ImGui::CalcTextSize(hint).x, avail.x - 2 * ImGui::GetFontSize());
    ImGui::SetCursorPosX(std::max(0.0f, (avail.x - hint_width) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::DimText());
    ImGui::BeginGroup();
    TextWrappedCjk(hint, hint_width + 1);
    ImGui::EndGroup();
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

void AppUi::FinishFrame(double frame_ms)
{
    last_frame_ms_ = frame_ms;
    ExecuteCommands(state_, commands_);
    // Text a view noted this frame may have been drawn as '?': the next frame has its glyphs.
    if (fonts_.TakeNotedText())
        state_.redraw_requested = true;
    // Views keep their own rows; the count the page reports is the projects view's.
    state_.filtered_project_count = table_view_.rows.size();
    // Ctrl+wheel goes to the app only where a view zooms with it; elsewhere the browser zooms.
    platform::SetCtrlWheelWanted(gantt_view_.ctrl_wheel_zooms);
    SyncPageTitle();
    ++state_.frame_count;
}

// A file arrives for what its picker was opened for; a dropped file (no purpose) goes to whichever
// module recognises it, else it is opened as a ledger.
void AppUi::OnFileOpened(const platform::OpenedFile& file)
{
    if (file.unreadable) {
        ReportUnreadableFile(state_, file.name, StrId::ErrReadFile);
        return;
    }
    if (file.purpose == "package") {
        OnSharingFile(state_, sharing_view_, file, commands_);
        return;
    }
    if (file.purpose == "sheet") {
        OnSheetsFile(state_, sheets_view_, file, commands_);
        return;
    }
    if (file.purpose.empty() && (OnSharingFile(state_, sharing_view_, file, commands_) ||
                                 OnSheetsFile(state_, sheets_view_, file, commands_)))
        return;
    OpenLedgerFile(state_, file.name, file.bytes);
}

bool AppUi::OnShortcut(char letter, bool shift)
{
    Command command;
    if (!CommandForShortcut(letter, shift, state_, command))
        return false;
    // Executed at once, inside the browser's key event: a file picker opened later would be refused.
    CommandList now{command};
    ExecuteCommands(state_, now);
    return true;
}

platform::AppCallbacks AppUi::MakeCallbacks()
{
    platform::AppCallbacks callbacks;
    callbacks.file_opened = [this](const platform::OpenedFile& file) { OnFileOpened(file); };
    callbacks.shortcut = [this](char letter) { return OnShortcut(letter, false); };
    callbacks.shift_shortcut = [this](char letter) { return OnShortcut(letter, true); };
    return callbacks;
}

platform::PageHooks AppUi::MakePageHooks()
{
    platform::PageHooks hooks;
    hooks.state_json = [this] {
        nlohmann::json j = StateJson(state_);
        // Beyond the contract's fields: how the font atlas follows the text in use.
        j["font_glyphs"] = fonts_.GlyphCount();
        j["font_builds"] = fonts_.BuildCount();
        j["font_build_ms"] = fonts_.LastBuildMilliseconds();
        j["font_atlas"] = {fonts_.AtlasWidth(), fonts_.AtlasHeight()};
        j["frame_ms"] = last_frame_ms_;
        j["marks"] = MarksJson();
        j["gantt"] = GanttStateJson(gantt_view_);
        return Dump(j);
    };
    hooks.open_text = [this](const std::string& name, std::string_view bytes) {
        const bool ok = OpenLedgerFile(state_, name, bytes);
        nlohmann::json j;
        j["ok"] = ok;
        j["errors"] = nlohmann::json::array();
        for (const Diagnostic& d : state_.last_load.errors)
            j["errors"].push_back(d.ToString());
        return Dump(j);
    };
    hooks.save_text = [this] { return SavedBytes(state_); };
    return hooks;
}

bool AppUi::TakeRedrawRequest()
{
    const bool requested = state_.redraw_requested;
    state_.redraw_requested = false;
    return requested;
}

} // namespace kpl::ui
