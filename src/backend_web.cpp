// The ImGui backends in the browser. Emscripten 3.1.6's GLFW knows no devicePixelRatio and ImGui
// 1.86 polls keys as up/down states, so this file corrects what the two report before each frame.
#include "backend_web.h"

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace kpl::backend {

namespace {

GLFWwindow* g_window = nullptr;
bool g_device_objects = false;        // the OpenGL backend has made its shaders and font texture
std::vector<int> g_pressed;           // keys pressed since the last frame began
std::vector<int> g_held_for_a_frame;  // keys shown as down last frame only because of g_pressed
std::string g_text;                   // committed text not yet given to ImGui

// A press and release between two frames would leave ImGui 1.86 (which reads KeysDown[] once per
// frame) with nothing: a quick Escape or Enter in a dialog would be lost, the more so while the
// idle policy skips frames. Installed before ImGui's callback, which calls it first.
void RecordKey(GLFWwindow*, int key, int, int action, int)
{
    if (action == GLFW_PRESS && key >= 0)
        g_pressed.push_back(key);
}

void LatchShortPresses()
{
    ImGuiIO& io = ImGui::GetIO();
    const int key_count = IM_ARRAYSIZE(io.KeysDown);
    for (int key : g_held_for_a_frame)
        if (key < key_count)
            io.KeysDown[key] = glfwGetKey(g_window, key) == GLFW_PRESS;
    g_held_for_a_frame.clear();
    for (int key : g_pressed)
        if (key < key_count && !io.KeysDown[key]) {
            io.KeysDown[key] = true;
            g_held_for_a_frame.push_back(key);
        }
    g_pressed.clear();
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// Text from the input-method bridge, pastes and text inserted without keys (platform_web.js).
// ImGui 1.86 ignores characters in a frame where Ctrl is down, and two cases bring exactly that:
// a paste arrives while Ctrl (of Ctrl+V) is still held, and a quick Ctrl+A followed by typing
// lands in one frame with Ctrl latched down by LatchShortPresses. Held Ctrl: the text is for
// the field, so Ctrl is hidden from ImGui for this frame. Latched only: the text waits one frame,
// after the shortcut has acted.
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
    LatchShortPresses();
    g_text += input.text;
    DeliverText();
}

void Render(const platform::Viewport& viewport, const ImVec4& background)
{
    glViewport(0, 0, viewport.pixel_width, viewport.pixel_height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

} // namespace kpl::backend
