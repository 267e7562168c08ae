// Line breaking for Chinese text. ImGui 1.86 wraps only at spaces and ASCII punctuation, so a
// paragraph of Chinese (which has no spaces) breaks at odd places or not at all. Here a line may
// break between any two CJK characters, at spaces in Latin text, and never puts closing
// punctuation (，。、）》…) at the start of a line.
// UI module: BreakLines is plain logic (a width callback measures); TextWrappedCjk draws with ImGui.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace kpl::ui {

// Splits `text` into lines no wider than `wrap_width` (a single over-long word may exceed it).
// `advance` gives the width of one code point. Explicit '\n' always breaks.
std::vector<std::string_view> BreakLines(std::string_view text, float wrap_width,
                                         const std::function<float(unsigned int codepoint)>& advance);

// Draws `text` wrapped at `wrap_width` (<= 0: the remaining width of the current column/window).
void TextWrappedCjk(std::string_view text, float wrap_width = 0.0f);

} // namespace kpl::ui
