// Presses and releases of keys and mouse buttons, handed to ImGui one frame at a time. Dear ImGui
// 1.86 reads a key or button as up or down once per frame and counts a press when it goes from up
// to down between two frames; events that arrive faster than frames (two Tabs, a double-click, a
// loaded machine) would merge into one press or none. The queue gives each code at most one change
// per frame, in the order the events happened, so every press is seen as a press of its own.
// UI module, no ImGui and no window system: plain logic, testable natively.
#pragma once
#include <cstddef>
#include <deque>
#include <map>

namespace kpl::ui {

class PressQueue {
public:
    // A press (`down`) or release of `code` (a key, a mouse button: the caller's numbering), in
    // the order they happened. A press of a code already down (a held key repeating) and a release
    // of a code already up (a key whose press went elsewhere) change nothing and are dropped.
    void Add(int code, bool down);

    // Starts a frame: applies waiting events in order until one meets a code that already changed
    // in this frame. That event waits for the next frame, and so does everything after it, so a
    // modifier's release never overtakes the key pressed with it (Ctrl+Z Ctrl+Z: two undos).
    void NextFrame();

    // Whether `code` reads as down in this frame (false for a code never seen).
    bool IsDown(int code) const;

    // Calls fn(code, down) for every code seen so far with its state in this frame.
    template <typename Fn>
    void ForEachKnown(Fn&& fn) const
    {
        for (const auto& [code, down] : shown_)
            fn(code, down);
    }

    // Events still waiting for a frame: the host must keep drawing frames until there are none.
    bool HasWaiting() const { return !waiting_.empty(); }
    std::size_t WaitingCount() const { return waiting_.size(); }

private:
    struct Event {
        int code;
        bool down;
    };
    std::deque<Event> waiting_;
    std::map<int, bool> shown_;   // the state ImGui reads this frame
    std::map<int, bool> latest_;  // the state after every event added so far
};

} // namespace kpl::ui
