// The editors' shared input widgets.
#include "widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "format.h"
#include "strings.h"
#include "theme.h"

namespace kpl::ui {

namespace {

// Year / month / day combos in a popup: a date is picked in three clicks without typing.
bool DatePickerPopup(const char* popup_id, std::optional<Date>& date)
{
    bool picked = false;
    if (!ImGui::BeginPopup(popup_id))
        return false;
    Date d = date.value_or(Date{2016, 1, 1});
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(6 * em);
    int year = d.year;
    if (ImGui::InputInt(Tr(StrId::DateYear), &year, 1, 1))
        d.year = std::clamp(year, kMinYear, kMaxYear);
    ImGui::SetNextItemWidth(6 * em);
    if (ImGui::BeginCombo(Tr(StrId::DateMonth), Format("%d", d.month).c_str())) {
        for (int m = 1; m <= 12; ++m)
            if (ImGui::Selectable(Format("%d", m).c_str(), m == d.month))
                d.month = m;
        ImGui::EndCombo();
    }
    d.day = std::min(d.day, DaysInMonth(d.year, d.month));
    // The days as a small calendar grid, 7 to a row.
    for (int day = 1; day <= DaysInMonth(d.year, d.month); ++day) {
        if ((day - 1) % 7 != 0)
            ImGui::SameLine(0, 2);
        const bool current = date && day == d.day;
        if (current)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(Format("%2d", day).c_str(), ImVec2(2.2f * em, 0))) {
            d.day = day;
            date = d;
            picked = true;
            ImGui::CloseCurrentPopup();
        }
        if (current)
            ImGui::PopStyleColor();
    }
    ImGui::EndPopup();
    return picked;
}

} // namespace

bool DateField(const char* id, std::string& text, std::optional<Date>& date, bool optional, bool& bad, float width)
{
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(width);
    bool finished = false;
    ImGui::InputTextWithHint("##text", "YYYY-MM-DD", &text);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (text.empty() && optional) {
            date.reset();
            bad = false;
            finished = true;
        } else if (std::optional<Date> parsed = Date::Parse(text)) {
            date = parsed;
            bad = false;
            finished = true;
        } else {
            bad = true;
        }
    }
    ImGui::SameLine(0, 2);
    if (ImGui::Button("…"))
        ImGui::OpenPopup("##picker");
    if (DatePickerPopup("##picker", date)) {
        text = date->ToString();
        bad = false;
        finished = true;
    }
    ImGui::PopID();
    return finished;
}

bool MoneyField(const char* id, std::string& text, Money& money, bool& bad, float width)
{
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(id, &text);
    if (!ImGui::IsItemDeactivatedAfterEdit())
        return false;
    if (std::optional<Money> parsed = Money::Parse(text)) {
        money = *parsed;
        bad = false;
        return true;
    }
    bad = true;
    return false;
}

const std::string& MessageOf(const Diagnostic& diagnostic)
{
    return CurrentLanguage() == Language::English ? diagnostic.message_en : diagnostic.message_zh;
}

void FieldFindings(const Findings& findings, const std::string& path, bool nested, const char* bad_text)
{
    const float wrap = ImGui::GetContentRegionAvail().x;
    auto line = [&](const ImVec4& colour, const std::string& text) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    };
    if (bad_text)
        line(theme::ErrorText(), bad_text);
    for (const Diagnostic* d : findings.ErrorsAt(path, nested))
        line(theme::ErrorText(), MessageOf(*d));
    for (const Diagnostic* d : findings.WarningsAt(path, nested))
        line(theme::WarningText(), MessageOf(*d));
}

} // namespace kpl::ui
