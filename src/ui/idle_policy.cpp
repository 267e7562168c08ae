// The idle policy: draw while there is or just was activity, skip frames otherwise.
#include "idle_policy.h"

namespace kpl::ui {

bool IdlePolicy::ShouldDraw(double now_seconds, uint32_t input_events, bool viewport_changed, bool redraw_requested)
{
    if (!started_ || input_events > 0 || viewport_changed || redraw_requested) {
        last_activity_ = now_seconds;
        frames_since_activity_ = 0;
    }
    started_ = true;
    idle_ = now_seconds - last_activity_ > linger_seconds && frames_since_activity_ >= linger_frames;
    if (!idle_)
        ++frames_since_activity_;
    return !idle_;
}

} // namespace kpl::ui
