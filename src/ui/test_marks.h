// Where some widgets were drawn last frame, by name ("search", "tab.problems", "project.P001"), so
// browser tests can click and type like a user without guessing pixel positions. Reported by
// kpl.state().marks (docs/browser-contract.md); costs a small map write per marked widget.
// UI module: ImGui.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace kpl::ui {

// Records the last item's rectangle (screen coordinates, CSS pixels) under `name`.
void MarkItem(const std::string& name);
// Starts a frame: marks not drawn again this frame are dropped.
void BeginMarksFrame();
// {name: [x, y, width, height]} of the last drawn frame.
nlohmann::json MarksJson();

} // namespace kpl::ui
