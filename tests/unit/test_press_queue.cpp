// The press queue (src/ui/press_queue.h): presses faster than frames reach ImGui one per frame, in
// order, with the modifiers they were made with.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui/press_queue.h"

using kpl::ui::PressQueue;

namespace {

constexpr int kTab = 258, kCtrl = 341, kZ = 90, kA = 65, kB = 66;

// Runs frames until nothing waits; one string per frame listing `codes` as 'D'own or 'u'p.
std::vector<std::string> Frames(PressQueue& queue, const std::vector<int>& codes)
{
    std::vector<std::string> frames;
    for (int guard = 0; guard < 100; ++guard) {
        queue.NextFrame();
        std::string frame;
        for (int code : codes)
            frame += queue.IsDown(code) ? 'D' : 'u';
        frames.push_back(frame);
        if (!queue.HasWaiting())
            break;
    }
    return frames;
}

// Presses as ImGui counts them: a code up in one frame and down in the next (the frame before the
// first counts as all up).
int PressesOf(const std::vector<std::string>& frames, std::size_t column)
{
    int presses = 0;
    char before = 'u';
    for (const std::string& f : frames) {
        if (before == 'u' && f[column] == 'D')
            ++presses;
        before = f[column];
    }
    return presses;
}

} // namespace

TEST_CASE("press queue: three presses of one key inside one frame are three presses")
{
    PressQueue queue;
    for (int i = 0; i < 3; ++i) {
        queue.Add(kTab, true);
        queue.Add(kTab, false);
    }
    CHECK(queue.WaitingCount() == 6);
    // One change per frame: down, up, down, up, down, up — six frames, up between the presses.
    const std::vector<std::string> frames = Frames(queue, {kTab});
    CHECK(frames == std::vector<std::string>{"D", "u", "D", "u", "D", "u"});
    CHECK(PressesOf(frames, 0) == 3);
    CHECK_FALSE(queue.HasWaiting());
}

TEST_CASE("press queue: Ctrl+Z twice fast is two presses of Z, both with Ctrl down")
{
    PressQueue queue;
    queue.Add(kCtrl, true);
    queue.Add(kZ, true);
    queue.Add(kZ, false);
    queue.Add(kZ, true);
    queue.Add(kZ, false);
    queue.Add(kCtrl, false);
    // Frame 1: Ctrl and Z go down together (different codes). Frame 2: Z up; its second press must
    // wait. Frame 3: Z down. Frame 4: Z up, and only now Ctrl's release, which came after it.
    const std::vector<std::string> frames = Frames(queue, {kCtrl, kZ});
    CHECK(frames == std::vector<std::string>{"DD", "Du", "DD", "uu"});
    CHECK(PressesOf(frames, 1) == 2);
    CHECK(PressesOf(frames, 0) == 1);
}

TEST_CASE("press queue: an event that waits holds back the events after it, whatever their code")
{
    PressQueue queue;
    queue.Add(kA, true);
    queue.Add(kA, false);
    queue.Add(kB, true);
    queue.Add(kB, false);
    // A B typed fast: B's press comes after A's release, so it is not shown before it.
    const std::vector<std::string> frames = Frames(queue, {kA, kB});
    CHECK(frames == std::vector<std::string>{"Du", "uD", "uu"});
}

TEST_CASE("press queue: keys pressed together go down in the same frame")
{
    PressQueue queue;
    queue.Add(kCtrl, true);
    queue.Add(kA, true);
    queue.Add(kB, true);
    queue.NextFrame();
    CHECK(queue.IsDown(kCtrl));
    CHECK(queue.IsDown(kA));
    CHECK(queue.IsDown(kB));
    CHECK_FALSE(queue.HasWaiting());
    // Held: still down in later frames without events.
    queue.NextFrame();
    queue.NextFrame();
    CHECK(queue.IsDown(kA));
}

TEST_CASE("press queue: repeats of a held key and releases of keys never pressed are dropped")
{
    PressQueue queue;
    queue.Add(kA, true);
    queue.Add(kA, true);  // the browser's key repeat
    queue.Add(kA, true);
    queue.Add(kB, false);  // B's press went elsewhere (a shortcut kept from the window system)
    CHECK(queue.WaitingCount() == 1);
    queue.Add(kA, false);
    const std::vector<std::string> frames = Frames(queue, {kA, kB});
    CHECK(frames == std::vector<std::string>{"Du", "uu"});
}

TEST_CASE("press queue: every code seen is reported with its state")
{
    PressQueue queue;
    CHECK_FALSE(queue.IsDown(kA));  // never seen
    queue.Add(kA, true);
    queue.Add(kB, true);
    queue.Add(kB, false);
    queue.NextFrame();
    int known = 0, down = 0;
    queue.ForEachKnown([&](int, bool is_down) {
        ++known;
        down += is_down ? 1 : 0;
    });
    CHECK(known == 2);
    CHECK(down == 2);  // B's release waits for the next frame
    queue.NextFrame();
    CHECK(queue.IsDown(kA));
    CHECK_FALSE(queue.IsDown(kB));
}
