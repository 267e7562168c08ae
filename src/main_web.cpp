// Browser entry point: the window and its WebGL 2 context, one frame per animation frame, and the
// idle policy that skips frames while nothing changes. The interface lives in ui/, the browser
// glue in platform/, the ImGui backends' browser corrections in backend_web.cpp.
#include <emscripten/emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <cstdio>
#include <exception>

#include "imgui.h"
#include "imgui_internal.h"  // ErrorCheckEndFrameRecover

#include "backend_web.h"
#include "platform/platform.h"
#include "ui/idle_policy.h"
#include "ui/main_window.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace {

kpl::ui::AppUi g_app;
kpl::ui::IdlePolicy g_idle;
bool g_in_frame = false;

void DrawFrame(const kpl::platform::Viewport& viewport, const kpl::platform::InputSince& input)
{
    const double start = kpl::platform::NowSeconds();
    const bool fonts_rebuilt = g_app.PrepareFonts(viewport.pixel_ratio);
    kpl::backend::NewFrame(viewport, input, fonts_rebuilt);
    g_in_frame = true;
    ImGui::NewFrame();
    g_app.Draw();
    ImGui::Render();
    g_in_frame = false;
    kpl::backend::Render(viewport, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
    g_app.FinishFrame((kpl::platform::NowSeconds() - start) * 1000.0);
    if (g_app.State().frame_count == 1)
        kpl::platform::NotifyReady();
}

void Frame()
{
    try {
        const kpl::platform::Viewport viewport = kpl::platform::SyncViewport();
        const kpl::platform::InputSince input = kpl::platform::TakeInput();
        const bool redraw = g_app.TakeRedrawRequest();
        if (g_idle.ShouldDraw(kpl::platform::NowSeconds(), input.event_count, viewport.changed, redraw))
            DrawFrame(viewport, input);
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
    kpl::platform::Init(g_app.MakePageHooks(), g_app.MakeCallbacks());
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
    try {
        g_app.Startup();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kpl: start-up failed: %s\n", e.what());
    }

    // The browser drives frames (requestAnimationFrame); main returns and the runtime stays alive.
    emscripten_set_main_loop(Frame, 0, false);
    return 0;
}
