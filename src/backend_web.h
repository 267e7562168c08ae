// Dear ImGui's GLFW and OpenGL 3 backends, adapted to the browser: layout in CSS pixels with a
// framebuffer at devicePixelRatio, the page's normalised wheel, key and mouse presses faster than frames,
// and font texture re-uploads after the atlas grows. Used by main_web.cpp only.
#pragma once
#include <cstddef>
struct GLFWwindow;

#include "imgui.h"

#include "platform/platform.h"

namespace kpl::backend {

// Installs the backends on `window` (GLSL "#version 300 es" for WebGL 2).
void Init(GLFWwindow* window);

// Starts an ImGui frame. `fonts_rebuilt`: the atlas changed since the last frame.
void NewFrame(const platform::Viewport& viewport, const platform::InputSince& input, bool fonts_rebuilt);

// Presses or releases of keys or mouse buttons still waiting to be shown to ImGui (one change per
// key per frame): frames must keep coming until there are none.
bool HasWaitingInput();
// How many presses and releases wait (kpl.state().input_waiting).
std::size_t WaitingPressCount();

// Clears to `background` and draws ImGui's draw data for the frame just ended with ImGui::Render().
void Render(const platform::Viewport& viewport, const ImVec4& background);

} // namespace kpl::backend
