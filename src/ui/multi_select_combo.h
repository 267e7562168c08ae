// The filter bars' multi-select combo (projects table, problems board): any number of values,
// an empty choice meaning "all". UI module: ImGui.
#pragma once
#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "imgui.h"

#include "format.h"
#include "strings.h"
#include "test_marks.h"

namespace kpl::ui {

// A combo choosing any number of values; an empty choice means "all". `items` are (value, label).
template <typename T>
inline bool MultiSelectCombo(const char* id, StrId label, const std::vector<std::pair<T, std::string>>& items,
                      std::vector<T>& chosen, float width)
{
    std::string preview;
    if (chosen.empty()) {
        preview = Tr(StrId::FilterAll);
    } else if (chosen.size() == 1) {
        for (const auto& item : items)
            if (item.first == chosen[0])
                preview = item.second;
    } else {
        preview = Format(Tr(StrId::FilterChosenCount), static_cast<int>(chosen.size()));
    }
    bool changed = false;
    ImGui::TextUnformatted(Tr(label));
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge);
    MarkItem(std::string("filter.") + (id + 2));
    if (open) {
        if (ImGui::Selectable(Tr(StrId::FilterAll), chosen.empty(), ImGuiSelectableFlags_DontClosePopups) &&
            !chosen.empty()) {
            chosen.clear();
            changed = true;
        }
        ImGui::Separator();
        for (std::size_t index = 0; index < items.size(); ++index) {
            const auto& item = items[index];
            const auto it = std::find(chosen.begin(), chosen.end(), item.first);
            const bool on = it != chosen.end();
            // By position, not address: callers may rebuild `items` every frame, and an ID that moves
            // between the press and the release loses the click.
            ImGui::PushID(static_cast<int>(index));
            if (ImGui::Selectable(item.second.c_str(), on, ImGuiSelectableFlags_DontClosePopups)) {
                if (on)
                    chosen.erase(it);
                else
                    chosen.push_back(item.first);
                changed = true;
            }
            if constexpr (std::is_same_v<T, std::string>)
                MarkItem(std::string(id + 2) + "." + item.first);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace kpl::ui
