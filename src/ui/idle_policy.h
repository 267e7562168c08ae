// When to draw a frame. The browser calls the frame function 60 times a second forever; drawing
// only when something can have changed keeps a laptop's fan quiet (cf. hello_imgui's FpsIdling).
// UI module, no ImGui: plain logic, testable natively.
#pragma once
#include <cstdint>

namespace kpl::ui {

class IdlePolicy {
public:
    // Keep drawing this long after the last input or redraw request: ImGui settles hover states,
    // popups and scrolling over a few frames after an event.
    double linger_seconds = 0.75;
    // ...and for at least this many frames, however long they took (the first frame of a large
    // ledger, or a slow software renderer, can outlast linger_seconds on its own).
    int linger_frames = 3;

    // Decides for one animation frame. `input_events` are the events counted since the previous
    // call; `viewport_changed` a resize or a new pixel ratio; `redraw_requested` a change the app
    // made (a file opened between frames, a dialog to show).
    bool ShouldDraw(double now_seconds, uint32_t input_events, bool viewport_changed, bool redraw_requested);

    bool IsIdle() const { return idle_; }

private:
    bool started_ = false;      // the first call counts as activity: the app starts awake
    double last_activity_ = 0;
    int frames_since_activity_ = 0;
    bool idle_ = false;
};

} // namespace kpl::ui
