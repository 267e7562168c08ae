// The press queue: each code changes at most once per frame, events never overtake one another.
#include "press_queue.h"

#include <algorithm>
#include <vector>

namespace kpl::ui {

void PressQueue::Add(int code, bool down)
{
    const auto it = latest_.find(code);
    const bool was_down = it != latest_.end() && it->second;
    if (was_down == down)
        return;
    latest_[code] = down;
    waiting_.push_back({code, down});
}

void PressQueue::NextFrame()
{
    std::vector<int> changed;  // a handful at most: events come from one person's hands
    while (!waiting_.empty()) {
        const Event event = waiting_.front();
        if (std::find(changed.begin(), changed.end(), event.code) != changed.end())
            break;
        shown_[event.code] = event.down;
        changed.push_back(event.code);
        waiting_.pop_front();
    }
}

bool PressQueue::IsDown(int code) const
{
    const auto it = shown_.find(code);
    return it != shown_.end() && it->second;
}

} // namespace kpl::ui
