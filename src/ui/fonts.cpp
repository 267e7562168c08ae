// The font atlas from the text in use: a code point set that grows, and a rebuild at the screen's
// pixel ratio when it grew or the ratio changed.
#include "fonts.h"

#include "ledger_text.h"
#include "platform/platform.h"

namespace kpl::ui {

namespace {

// Every atlas holds printable ASCII and Latin-1: digits, file names and English text need no
// rebuild, whatever the ledger.
const ImWchar kLatinRange[] = {0x0020, 0x00FF, 0};

// WebGL guarantees far less, but every WebGL 2 implementation we target takes 8192 (SwiftShader
// included). A ledger with thousands of distinct characters at ratio 2 could exceed it.
constexpr int kMaxAtlasSide = 8192;

// Decodes the UTF-8 sequence at text[i] and advances i; malformed bytes give U+FFFD, one byte at
// a time, so garbage can never stall the loop.
unsigned int NextCodepoint(std::string_view text, size_t& i)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int length = 0;
    unsigned int codepoint = 0;
    if (lead < 0x80) { ++i; return lead; }
    if ((lead & 0xE0) == 0xC0) { length = 2; codepoint = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; codepoint = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; codepoint = lead & 0x07; }
    else { ++i; return 0xFFFD; }
    if (i + static_cast<size_t>(length) > text.size()) { ++i; return 0xFFFD; }
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(i + static_cast<size_t>(k));
        if ((next & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        codepoint = (codepoint << 6) | (next & 0x3F);
    }
    i += static_cast<size_t>(length);
    return codepoint;
}

// What NoteTextShown collected since the font book last took it.
std::string& NotedText()
{
    static std::string noted;
    return noted;
}

} // namespace

void NoteTextShown(std::string_view utf8)
{
    std::string& noted = NotedText();
    noted.append(utf8);
    noted.push_back('\n');  // a text cut inside a character cannot merge with the next one
}

bool FontBook::CodepointSet::AddUtf8(std::string_view utf8)
{
    bool added = false;
    for (size_t i = 0; i < utf8.size();) {
        // ASCII is in every atlas (kLatinRange): IDs, dates and figures, most of a ledger's bytes,
        // need no decoding.
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {
            ++i;
            continue;
        }
        const unsigned int codepoint = NextCodepoint(utf8, i);
        if (codepoint == 0 || codepoint > 0xFFFF)
            continue;  // beyond the 16-bit ImWchar of this build: drawn as the fallback glyph
        if (!builder.GetBit(codepoint)) {
            builder.SetBit(codepoint);
            ++count;
            added = true;
        }
    }
    return added;
}

void FontBook::SetFontData(std::string ttf_bytes)
{
    ttf_ = std::move(ttf_bytes);
    chars_added_ = true;
}

void FontBook::AddText(std::string_view utf8)
{
    if (body_chars_.AddUtf8(utf8))
        chars_added_ = true;
}

bool FontBook::TakeNotedText()
{
    std::string noted;
    noted.swap(NotedText());  // also frees the buffer a big spreadsheet's text needed
    if (!body_chars_.AddUtf8(noted))
        return false;
    chars_added_ = true;
    return true;
}

void FontBook::AddHeadlineText(std::string_view utf8)
{
    if (headline_chars_.AddUtf8(utf8))
        chars_added_ = true;
}

void FontBook::AddLedger(const Ledger& ledger, bool another_ledger)
{
    if (another_ledger)
        ledger_text_.Reset();
    ledger_text_.VisitNew(ledger, [this](std::string_view text) { AddText(text); });
    AddHeadlineText(ledger.meta.title);
}

bool FontBook::NeedsRebuild(float pixel_ratio) const
{
    return chars_added_ || pixel_ratio != built_ratio_;
}

void FontBook::Rebuild(float pixel_ratio)
{
    const double start = platform::NowSeconds();
    ImGuiIO& io = ImGui::GetIO();

    body_chars_.builder.AddRanges(kLatinRange);
    headline_chars_.builder.AddRanges(kLatinRange);
    body_ranges_.clear();
    headline_ranges_.clear();
    body_chars_.builder.BuildRanges(&body_ranges_);
    headline_chars_.builder.BuildRanges(&headline_ranges_);

    // Rasterise at device pixels; past the texture limit, fall back to CSS pixels (a little soft
    // on high-DPI screens, but every character still there).
    float raster_ratio = pixel_ratio;
    for (int attempt = 0; attempt < 2; ++attempt) {
        io.Fonts->Clear();
        io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        body_ = headline_ = nullptr;
        if (!ttf_.empty()) {
            ImFontConfig config;
            config.FontDataOwnedByAtlas = false;  // ttf_ outlives the atlas
            // Rasterised at the device's pixel size there is nothing to gain from oversampling,
            // and CJK glyph counts make every extra sample expensive in texture size.
            config.OversampleH = 1;
            config.OversampleV = 1;
            config.PixelSnapH = true;
            body_ = io.Fonts->AddFontFromMemoryTTF(ttf_.data(), static_cast<int>(ttf_.size()),
                                                   kBodySize * raster_ratio, &config, body_ranges_.Data);
            headline_ = io.Fonts->AddFontFromMemoryTTF(ttf_.data(), static_cast<int>(ttf_.size()),
                                                       kHeadlineSize * raster_ratio, &config, headline_ranges_.Data);
        }
        const bool built = body_ && io.Fonts->Build();
        if (!built) {
            // No font file, or one stb_truetype cannot read: ImGui's own font keeps the app usable.
            io.Fonts->Clear();
            ImFontConfig config;
            config.SizePixels = 13.0f * raster_ratio;
            body_ = io.Fonts->AddFontDefault(&config);
            headline_ = nullptr;
            io.Fonts->Build();
        }
        if (io.Fonts->TexWidth <= kMaxAtlasSide && io.Fonts->TexHeight <= kMaxAtlasSide)
            break;
        raster_ratio = 1.0f;
    }

    io.FontDefault = body_;
    io.FontGlobalScale = 1.0f / raster_ratio;
    built_ratio_ = pixel_ratio;
    chars_added_ = false;
    glyph_count_ = body_ ? body_->Glyphs.Size : 0;
    atlas_width_ = io.Fonts->TexWidth;
    atlas_height_ = io.Fonts->TexHeight;
    ++build_count_;
    last_build_ms_ = (platform::NowSeconds() - start) * 1000.0;
}

} // namespace kpl::ui
