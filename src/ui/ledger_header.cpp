// Draws the header strip: a title line, then figures as label-over-value groups.
#include "ledger_header.h"

#include "format.h"
#include "strings.h"
#include "theme.h"

namespace kpl::ui {

namespace {

// One figure: a small dim label above its value and unit.
void Figure(const char* label, const std::string& value, const std::string& unit, const std::string& note = {})
{
    ImGui::BeginGroup();
    ImGui::TextColored(theme::DimText(), "%s", label);
    ImGui::TextUnformatted(value.c_str());
    if (!unit.empty()) {
        ImGui::SameLine(0, 4);
        ImGui::TextColored(theme::DimText(), "%s", unit.c_str());
    }
    if (!note.empty()) {
        ImGui::SameLine(0, 10);
        ImGui::TextColored(theme::Accent(), "%s", note.c_str());
    }
    ImGui::EndGroup();
}

void FigureSeparator()
{
    ImGui::SameLine(0, 22);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, pos.y + 2), ImVec2(pos.x, pos.y + height - 2),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy(ImVec2(1, height));
    ImGui::SameLine(0, 22);
}

} // namespace

void DrawLedgerHeader(const AppState& state, ImFont* headline_font)
{
    if (!HasLedger(state))
        return;
    const LedgerMeta& meta = CurrentLedger(state)->meta;
    const LedgerSummary& summary = state.summary;

    ImGui::PushFont(headline_font);
    ImGui::TextUnformatted(meta.title.c_str());
    ImGui::PopFont();
    // year and month next to the title, on its baseline
    ImGui::SameLine(0, 16);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (headline_font->FontSize - ImGui::GetFont()->FontSize) *
                                                      ImGui::GetIO().FontGlobalScale * 0.75f);
    std::string period = Format(Tr(StrId::HeaderYear), meta.year);
    period += "  ·  ";
    period += meta.as_of ? Format(Tr(StrId::HeaderAsOf), meta.as_of->year, meta.as_of->month)
                         : std::string(Tr(StrId::HeaderAsOfNone));
    ImGui::TextColored(theme::DimText(), "%s", period.c_str());
    if (meta.demo) {
        ImGui::SameLine(0, 12);
        ImGui::TextColored(theme::WarningText(), "[%s]", Tr(StrId::HeaderDemo));
    }

    ImGui::Spacing();
    Figure(Tr(StrId::HeaderProjects), Format("%zu", summary.project_count), Tr(StrId::UnitCount));
    FigureSeparator();
    Figure(Tr(StrId::HeaderTargets), Format("%zu", summary.completion_target_count), Tr(StrId::UnitCount));
    FigureSeparator();
    Figure(Tr(StrId::HeaderPlan), summary.annual_plan.ToDisplay(),
           Format(Tr(StrId::HeaderPlanUnit), summary.annual_plan.ToYiDisplay().c_str()));
    FigureSeparator();
    Figure(Tr(StrId::HeaderCompleted), summary.completed_this_year.ToDisplay(), Tr(StrId::UnitWan),
           FormatPercent(Percent(summary.completed_this_year, summary.annual_plan), ""));
    ImGui::Spacing();
}

} // namespace kpl::ui
