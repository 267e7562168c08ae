// Lays out the full-window interface (menu, header strip, projects table, status line, dialog)
// and answers the page's hooks.
#include "main_window.h"

#include <algorithm>

#include "imgui.h"

#include "error_dialog.h"
#include "ledger_header.h"
#include "ledger_text.h"
#include "main_menu.h"
#include "status_bar.h"
#include "strings.h"
#include "text_wrap.h"
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
    if (state_.ledger && fonts_have_generation_ != state_.ledger_generation) {
        fonts_.AddLedger(*state_.ledger);
        fonts_have_generation_ = state_.ledger_generation;
    }
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
    ImGui::Begin("##main", nullptr, flags);
    DrawMainMenu(state_, commands_);
    if (state_.ledger) {
        DrawLedgerHeader(state_, fonts_.Headline());
        DrawProjectsTable(state_, table_view_, StatusBarHeight());
    } else {
        DrawEmptyState();
    }
    DrawStatusBar(state_, commands_);
    DrawLoadReportDialog(state_, commands_);
    ImGui::End();
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
    ++state_.frame_count;
}

void AppUi::OnFileOpened(const platform::OpenedFile& file)
{
    if (file.unreadable)
        ReportUnreadableFile(state_, file.name, StrId::ErrReadFile);
    else
        OpenLedgerFile(state_, file.name, file.bytes);
}

bool AppUi::OnShortcut(char letter)
{
    Command command;
    if (!CommandForShortcut(letter, state_, command))
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
    callbacks.shortcut = [this](char letter) { return OnShortcut(letter); };
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
