// Greedy line breaking with CJK break opportunities and a little kinsoku (no closing punctuation
// at a line start, no opening punctuation at a line end).
#include "text_wrap.h"

#include "imgui.h"

namespace kpl::ui {

namespace {

// Decodes the code point at text[i], returning its byte length (1 for malformed bytes).
unsigned int Decode(std::string_view text, size_t i, size_t& length)
{
    const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = b(i);
    length = 1;
    if (lead < 0x80)
        return lead;
    size_t n = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > text.size())
        return 0xFFFD;
    unsigned int cp = lead & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    length = n;
    return cp;
}

bool IsWide(unsigned int cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Must not begin a line.
bool IsClosing(unsigned int cp)
{
    switch (cp) {
    case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF1F: case 0xFF01: case 0xFF09:
    case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x201D: case 0x2019: case 0x2026: case 0xFF05:
    case ',': case '.': case ';': case ':': case '?': case '!': case ')': case ']': case '%':
        return true;
    default:
        return false;
    }
}

// Must not end a line.
bool IsOpening(unsigned int cp)
{
    switch (cp) {
    case 0xFF08: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x201C: case 0x2018: case '(': case '[':
        return true;
    default:
        return false;
    }
}

} // namespace

std::vector<std::string_view> BreakLines(std::string_view text, float wrap_width,
                                         const std::function<float(unsigned int codepoint)>& advance)
{
    std::vector<std::string_view> lines;
    size_t line_start = 0;
    size_t last_break = std::string_view::npos;  // byte offset where the current line may end
    float width = 0;                             // of [line_start, i)
    float width_at_break = 0;                    // of [line_start, last_break)
    unsigned int previous = 0;

    size_t i = 0;
    while (i < text.size()) {
        size_t length = 0;
        const unsigned int cp = Decode(text, i, length);
        if (cp == '\n') {
            lines.push_back(text.substr(line_start, i - line_start));
            line_start = i + length;
            last_break = std::string_view::npos;
            width = 0;
            previous = 0;
            i += length;
            continue;
        }
        if (i > line_start) {
            const bool at_space = cp == ' ';
            const bool between_wide = (IsWide(cp) || IsWide(previous)) && previous != ' ' && !IsClosing(cp) &&
                                      !IsOpening(previous);
            if (at_space || between_wide) {
                last_break = i;
                width_at_break = width;
            }
        }
        const float w = advance(cp);
        if (cp != ' ' && width + w > wrap_width && last_break != std::string_view::npos && last_break > line_start) {
            lines.push_back(text.substr(line_start, last_break - line_start));
            line_start = last_break;
            last_break = std::string_view::npos;
            width -= width_at_break;
            while (line_start < i && text[line_start] == ' ') {  // no spaces at a line's start
                width -= advance(' ');
                ++line_start;
            }
        }
        width += w;
        previous = cp;
        i += length;
    }
    if (line_start < text.size() || lines.empty())
        lines.push_back(text.substr(line_start));
    return lines;
}

void TextWrappedCjk(std::string_view text, float wrap_width)
{
    if (wrap_width <= 0.0f)
        wrap_width = ImGui::GetContentRegionAvail().x;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const auto advance = [&](unsigned int cp) {
        return cp < 0x10000 ? font->GetCharAdvance(static_cast<ImWchar>(cp)) * scale : ImGui::GetFontSize();
    };
    for (std::string_view line : BreakLines(text, wrap_width, advance))
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

} // namespace kpl::ui
