// The font atlas, built from the text in use. A Chinese font's full range makes a huge texture and
// ImGui's "common Chinese" range misses characters real ledgers use (醴, 攸, 渌, 湘), so the atlas
// holds exactly the characters the interface and the open ledger can show, and grows when a newly
// opened ledger brings new ones. Glyphs are rasterised at size × devicePixelRatio and drawn at
// 1/ratio (io.FontGlobalScale), so text stays sharp on high-DPI screens.
// UI module: ImGui, core. The caller re-uploads the texture after Rebuild() (renderer backend).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

#include "core/model.h"
#include "ledger_text.h"

namespace kpl::ui {

// Text a view shows that is in neither the open ledger nor the string catalogue: wording core
// composes (the dashboard's explanations, the reports), the cells of a spreadsheet being imported.
// Its characters join the font atlas before the next frame. Call it when the text is made (when a
// view rebuilds its cached data), not on every frame: each call's text is scanned once.
void NoteTextShown(std::string_view utf8);

class FontBook {
public:
    static constexpr float kBodySize = 16.0f;      // CSS pixels
    static constexpr float kHeadlineSize = 22.0f;  // the ledger title

    // The TrueType file (the app's subset of WenQuanYi Micro Hei). Without one, ImGui's built-in
    // font is used: Latin only, but the app still runs.
    void SetFontData(std::string ttf_bytes);

    // Adds characters to the glyph set; the atlas is rebuilt before the next frame if any is new.
    void AddText(std::string_view utf8);
    // Takes the text views noted since the last call (NoteTextShown below). Returns whether it
    // brought characters the atlas lacks, so the caller can ask for the frame that shows them.
    bool TakeNotedText();
    void AddHeadlineText(std::string_view utf8);
    // The ledger's strings, its title as a headline. After an edit only the records the edit
    // stamped are decoded again (LedgerTextScanner); `another_ledger` (an open, a restore) forgets
    // what was seen and scans it all.
    void AddLedger(const Ledger& ledger, bool another_ledger);

    // True when the atlas lacks requested characters or was rasterised for another pixel ratio.
    bool NeedsRebuild(float pixel_ratio) const;
    // Rebuilds io.Fonts for `pixel_ratio`. Call between frames, then re-upload the font texture.
    void Rebuild(float pixel_ratio);

    ImFont* Body() const { return body_; }
    ImFont* Headline() const { return headline_ ? headline_ : body_; }

    // For the page's state report and the performance notes.
    int GlyphCount() const { return glyph_count_; }
    int BuildCount() const { return build_count_; }
    double LastBuildMilliseconds() const { return last_build_ms_; }
    int AtlasWidth() const { return atlas_width_; }
    int AtlasHeight() const { return atlas_height_; }

private:
    // A set of BMP code points (ImWchar is 16-bit in this build of ImGui) that knows whether an
    // addition was new, on top of ImGui's own range builder.
    struct CodepointSet {
        ImFontGlyphRangesBuilder builder;
        int count = 0;
        CodepointSet() { builder.Clear(); }
        bool AddUtf8(std::string_view utf8);  // true when some character was new
    };

    std::string ttf_;
    LedgerTextScanner ledger_text_;
    CodepointSet body_chars_, headline_chars_;
    bool chars_added_ = true;    // the first NeedsRebuild() is true
    float built_ratio_ = 0;
    ImVector<ImWchar> body_ranges_, headline_ranges_;  // must outlive the atlas built from them
    ImFont* body_ = nullptr;
    ImFont* headline_ = nullptr;
    int glyph_count_ = 0;
    int build_count_ = 0;
    double last_build_ms_ = 0;
    int atlas_width_ = 0, atlas_height_ = 0;
};

} // namespace kpl::ui
