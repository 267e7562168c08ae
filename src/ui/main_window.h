// The whole interface of one frame, and what ties the views to the app state: the font book, the
// views' own memory, the commands they emitted. main_web.cpp drives it: PrepareFonts() before
// ImGui's NewFrame, Draw() inside the frame, FinishFrame() after rendering.
// UI module: ImGui, core, platform.
#pragma once
#include <cstdint>
#include <string>

#include "app.h"
#include "commands.h"
#include "dashboard.h"
#include "fonts.h"
#include "gantt_view.h"
#include "platform/platform.h"
#include "problems_board.h"
#include "project_editor.h"
#include "projects_table.h"
#include "reports_view.h"
#include "sharing_view.h"
#include "sheets_view.h"

namespace kpl::ui {

class AppUi {
public:
    // Loads the bundled font and opens the bundled demo ledger. Call once, after ImGui's context
    // exists and before the first frame.
    void Startup();

    // Before ImGui::NewFrame(): grows or re-rasterises the font atlas when the open text or the
    // pixel ratio changed. Returns true when the renderer must upload the font texture again.
    bool PrepareFonts(float pixel_ratio);

    void Draw();

    // After the frame is rendered: runs the views' commands and counts the frame. `frame_ms` is
    // the time the frame took on the main thread, reported by kpl.state() for measurements.
    void FinishFrame(double frame_ms);

    // kpl.state(), kpl.openText(), kpl.saveText() (docs/browser-contract.md).
    platform::PageHooks MakePageHooks();
    // A file chosen or dropped, a shortcut key with Ctrl and with Ctrl+Shift (between frames).
    platform::AppCallbacks MakeCallbacks();

    // True once when something changed between frames that the screen must show.
    bool TakeRedrawRequest();

    const AppState& State() const { return state_; }
    // For the platform glue outside the views (autosave and its views, main_web.cpp).
    AppState& MutableState() { return state_; }
    // Text typed or pasted into a field: its characters join the font atlas before the next frame.
    void AddTypedGlyphs(std::string_view text) { fonts_.AddText(text); }

private:
    void DrawEmptyState();
    void OnFileOpened(const platform::OpenedFile& file);
    bool OnShortcut(char letter, bool shift);
    void DrawWorkArea();
    void DrawViewTabs();
    void HandleEscape();
    void SyncPageTitle();

    AppState state_;
    FontBook fonts_;
    ProjectsTableView table_view_;
    ProjectEditorView editor_view_;
    ProblemsBoardView problems_view_;
    DashboardView dashboard_view_;
    GanttView gantt_view_;
    ReportsView reports_view_;
    SharingView sharing_view_;
    SheetsView sheets_view_;
    std::string page_title_;                          // the last document.title set
    ActiveView shown_view_ = ActiveView::Projects;    // the tab shown last frame
    int tab_request_ = 0;                             // 1: select the active view's tab this frame
    CommandList commands_;
    uint64_t fonts_have_generation_ = ~uint64_t(0);  // the ledger whose text the atlas holds
    uint64_t fonts_have_file_ = ~uint64_t(0);        // ... and the file it came from (file_generation)
    uint64_t fonts_have_load_ = ~uint64_t(0);        // the load report whose text it holds
    double last_frame_ms_ = 0;
};

} // namespace kpl::ui
