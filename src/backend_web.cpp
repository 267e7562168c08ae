// The ImGui backends in the browser. Emscripten 3.1.6's GLFW knows no devicePixelRatio and ImGui
// 1.86 polls keys and mouse buttons as up/down states once per frame, so this file corrects what
// the two report before each frame.
#include "backend_web.h"

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/press_queue.h"

namespace kpl::backend {

namespace {

GLFWwindow* g_window = nullptr;
bool g_device_objects = false;        // the OpenGL backend has made its shaders and font texture
ui::PressQueue g_presses;             // keys and mouse buttons, one change per frame (press_queue.h)
std::string g_text;                   // committed text not yet given to ImGui

// Mouse buttons share the queue with the keys (so Ctrl+click keeps its order), above any key code.
constexpr int kMouseCodeBase = 0x10000;

// ImGui 1.86 reads KeysDown[] and MouseDown[] once per frame: a press and release between two
// frames would be lost, and two presses inside one frame (Tab Tab, a double-click, typing on a
// loaded machine) would count once. Every press and release goes through the queue instead.
// Installed before ImGui's callbacks, which call these first; what ImGui's own callbacks write
// into KeysDown[] is overwritten from the queue before each frame.
void RecordKey(GLFWwindow*, int key, int, int action, int)
{
    if (key >= 0 && action != GLFW_REPEAT)  // ImGui repeats a held key itself
        g_presses.Add(key, action == GLFW_PRESS);
}

void RecordMouseButton(GLFWwindow*, int button, int action, int)
{
    if (button >= 0 && button < ImGuiMouseButton_COUNT)
        g_presses.Add(kMouseCodeBase + button, action == GLFW_PRESS);
}

// After the GLFW backend's NewFrame (which reads buttons itself): this frame's states from the
// queue, and the modifiers from the keys as shown.
void ApplyQueuedPresses()
{
    ImGuiIO& io = ImGui::GetIO();
    g_presses.NextFrame();
    const int key_count = IM_ARRAYSIZE(io.KeysDown);
    const int button_count = IM_ARRAYSIZE(io.MouseDown);
    g_presses.ForEachKnown([&](int code, bool down) {
        if (code < key_count)
            io.KeysDown[code] = down;
        else if (code >= kMouseCodeBase && code - kMouseCodeBase < button_count)
            io.MouseDown[code - kMouseCodeBase] = down;
    });
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// Text from the input-method bridge, pastes and text inserted without keys (platform_web.js).
// It is delivered at once, not behind the queued keys: those include keys pressed after it (a
// fast "ab" then Backspace must delete the b), and which came first is not known here.
// ImGui 1.86 ignores characters in a frame where Ctrl is down, and two cases bring exactly that:
// a paste arrives while Ctrl (of Ctrl+V) is still held, and a quick Ctrl+A followed by typing
// lands in one frame with Ctrl still shown down by the press queue. Held Ctrl: the text is for
// the field, so Ctrl is hidden from ImGui for this frame. Shown only: the text waits until the
// queue shows Ctrl's release, after the shortcut has acted.
void DeliverText()
{
    if (g_text.empty())
        return;
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl_held = glfwGetKey(g_window, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS ||
                           glfwGetKey(g_window, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS;
    if (io.KeyCtrl && !ctrl_held)
        return;
    io.KeyCtrl = false;
    io.AddInputCharactersUTF8(g_text.c_str());
    g_text.clear();
}

// The GLFW backend reports sizes and the cursor in canvas pixels; the app lays out in CSS pixels
// and renders at full device resolution.
void ApplyViewport(const platform::Viewport& viewport, const platform::InputSince& input)
{
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(viewport.css_width, viewport.css_height);
    const float scale_x = viewport.css_width > 0 ? viewport.pixel_width / viewport.css_width : 1.0f;
    const float scale_y = viewport.css_height > 0 ? viewport.pixel_height / viewport.css_height : 1.0f;
    io.DisplayFramebufferScale = ImVec2(scale_x, scale_y);
    if (io.MousePos.x != -FLT_MAX && io.MousePos.y != -FLT_MAX)
        io.MousePos = ImVec2(io.MousePos.x / scale_x, io.MousePos.y / scale_y);
    // The page takes the wheel from GLFW and hands it over normalised (platform_web.js).
    io.MouseWheel += input.wheel_y;
    io.MouseWheelH += input.wheel_x;
    // After an idle stretch the gap since the last frame is not an animation step.
    io.DeltaTime = std::clamp(io.DeltaTime, 1.0f / 240.0f, 0.1f);
}

} // namespace

void Init(GLFWwindow* window)
{
    g_window = window;
    glfwSetKeyCallback(window, RecordKey);
    glfwSetMouseButtonCallback(window, RecordMouseButton);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
}

void NewFrame(const platform::Viewport& viewport, const platform::InputSince& input, bool fonts_rebuilt)
{
    // A rebuilt atlas is uploaded again; before the backend's first frame it uploads it itself.
    if (fonts_rebuilt && g_device_objects) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    g_device_objects = true;
    ImGui_ImplGlfw_NewFrame();
    ApplyViewport(viewport, input);
    ApplyQueuedPresses();
    // A pinch turns the wheel with Ctrl but presses no key: the zoom must still read as Ctrl+wheel.
    if (input.wheel_ctrl)
        ImGui::GetIO().KeyCtrl = true;
    g_text += input.text;
    DeliverText();
}

bool HasWaitingInput()
{
    return g_presses.HasWaiting();
}

std::size_t WaitingPressCount()
{
    return g_presses.WaitingCount();
}

void Render(const platform::Viewport& viewport, const ImVec4& background)
{
    glViewport(0, 0, viewport.pixel_width, viewport.pixel_height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

} // namespace kpl::backend
