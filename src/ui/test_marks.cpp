// The marks of the last frame, kept in two maps swapped per frame.
#include "test_marks.h"

#include <map>

#include "imgui.h"

namespace kpl::ui {

namespace {

struct Rect {
    float x, y, w, h;
};
std::map<std::string, Rect> g_current, g_last;

} // namespace

void MarkItem(const std::string& name)
{
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    g_current[name] = Rect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void BeginMarksFrame()
{
    g_last.swap(g_current);
    g_current.clear();
}

nlohmann::json MarksJson()
{
    // A mark drawn this frame (popups opened just now) or the last complete one.
    nlohmann::json j = nlohmann::json::object();
    for (const auto* map : {&g_last, &g_current})
        for (const auto& [name, r] : *map)
            j[name] = {r.x, r.y, r.w, r.h};
    return j;
}

} // namespace kpl::ui
