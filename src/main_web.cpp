// Browser entry point: the window and its WebGL 2 context, one frame per animation frame, and the
// idle policy that skips frames while nothing changes. The interface lives in ui/, the browser
// glue in platform/, the ImGui backends' browser corrections in backend_web.cpp.
#include <emscripten/emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <cstdio>
#include <exception>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"  // ErrorCheckEndFrameRecover

#include "backend_web.h"
#include "platform/platform.h"
#include "ui/autosave.h"
#include "ui/idle_policy.h"
#include "ui/main_window.h"
#include "ui/recovery_view.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace {

kpl::ui::AppUi g_app;
kpl::ui::IdlePolicy g_idle;
kpl::ui::Workspace g_workspace;
bool g_in_frame = false;
bool g_ready_notified = false;
double g_first_frame_at = -1;
// kpl.ready waits for the start-up check of the browser's storage (restored work is on screen
// when it turns true), but never longer than this after the first frame.
constexpr double kReadyWaitSeconds = 5.0;

// Where ImGui wants text typed this frame: the hidden text element follows the text cursor.
void SyncTextInput()
{
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool active = g.WantTextInputNextFrame == 1;
    kpl::platform::SetTextInput(active, g.PlatformImePos.x, g.PlatformImePos.y, g.FontSize);
}

void InstallClipboard()
{
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { kpl::platform::SetClipboardText(text ? text : ""); };
    io.GetClipboardTextFn = [](void*) { return kpl::platform::ClipboardText().c_str(); };
    io.ClipboardUserData = nullptr;
}

void DrawFrame(const kpl::platform::Viewport& viewport, const kpl::platform::InputSince& input)
{
    const double start = kpl::platform::NowSeconds();
    if (!input.text.empty())
        g_app.AddTypedGlyphs(input.text);
    const bool fonts_rebuilt = g_app.PrepareFonts(viewport.pixel_ratio);
    kpl::backend::NewFrame(viewport, input, fonts_rebuilt);
    g_in_frame = true;
    ImGui::NewFrame();
    g_app.Draw();
    kpl::ui::DrawRecoveryViews(g_app.MutableState(), g_workspace);
    ImGui::Render();
    g_in_frame = false;
    SyncTextInput();
    kpl::backend::Render(viewport, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
    g_app.FinishFrame((kpl::platform::NowSeconds() - start) * 1000.0);
    if (g_first_frame_at < 0)
        g_first_frame_at = kpl::platform::NowSeconds();
}

void NotifyReadyWhenSettled()
{
    if (g_ready_notified || g_first_frame_at < 0)
        return;
    const bool waited_enough = kpl::platform::NowSeconds() - g_first_frame_at > kReadyWaitSeconds;
    // The frame after the restore has been drawn, so what kpl.state() reports is on screen.
    if ((g_workspace.Settled() && !g_app.State().redraw_requested) || waited_enough) {
        g_ready_notified = true;
        kpl::platform::NotifyReady();
    }
}

void Frame()
{
    try {
        const kpl::platform::Viewport viewport = kpl::platform::SyncViewport();
        const kpl::platform::InputSince input = kpl::platform::TakeInput();
        g_workspace.Tick(g_app.MutableState(), kpl::platform::NowSeconds());
        // Presses still queued (backend_web.cpp) each need a frame of their own.
        const bool redraw = g_app.TakeRedrawRequest() || kpl::backend::HasWaitingInput();
        if (g_idle.ShouldDraw(kpl::platform::NowSeconds(), input.event_count, viewport.changed, redraw))
            DrawFrame(viewport, input);
        NotifyReadyWhenSettled();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kpl: frame failed: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "kpl: frame failed\n");
    }
    if (g_in_frame) {
        // A throw in the middle of a frame leaves ImGui's stacks open: close them, keep running.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
        g_in_frame = false;
    }
}

void Fail()
{
    kpl::platform::ShowFatalError(kpl::ui::Tr(kpl::ui::StrId::FatalNoWebGL));
}

} // namespace

int main()
{
    // The page glue first: its key listener must run before the one glfwInit() installs.
    kpl::platform::PageHooks hooks = g_app.MakePageHooks();
    // kpl.state() also reports the workspace (autosave, restore, Save As; browser-contract.md).
    hooks.state_json = [app_state = hooks.state_json] {
        nlohmann::json j = nlohmann::json::parse(app_state ? app_state() : std::string("{}"), nullptr, false);
        if (!j.is_object())
            j = nlohmann::json::object();
        j["workspace"] = g_workspace.StateJson();
        j["input_waiting"] = kpl::backend::WaitingPressCount();
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    kpl::platform::AppCallbacks callbacks = g_app.MakeCallbacks();
    // Ctrl+Shift+S: Save As, inside the key event (a save picker needs the user's activation).
    callbacks.shift_shortcut = [](char letter) {
        if (letter != 'S')
            return false;
        g_workspace.BeginSaveAs(g_app.MutableState());
        return true;
    };
    kpl::platform::Init(std::move(hooks), std::move(callbacks));
    if (!glfwInit()) {
        Fail();
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);  // an opaque canvas composites faster
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    const kpl::platform::Viewport viewport = kpl::platform::SyncViewport();
    GLFWwindow* window = glfwCreateWindow(viewport.pixel_width, viewport.pixel_height,
                                          kpl::ui::Tr(kpl::ui::StrId::AppName), nullptr, nullptr);
    if (!window) {
        Fail();
        return 1;
    }
    glfwMakeContextCurrent(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini in the browser; layout is the app's business
    ImGui::GetIO().LogFilename = nullptr;
    kpl::ui::ApplyTheme();
    kpl::backend::Init(window);
    InstallClipboard();
    try {
        g_app.Startup();
        g_workspace.Start(g_app.MutableState(), kpl::platform::NowSeconds());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kpl: start-up failed: %s\n", e.what());
    }

    // The browser drives frames (requestAnimationFrame); main returns and the runtime stays alive.
    emscripten_set_main_loop(Frame, 0, false);
    return 0;
}
