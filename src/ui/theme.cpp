// Colours and spacing. Light background, dark text, one blue accent; colour carries meaning only
// where the domain gives it one (status, warnings).
#include "theme.h"

namespace kpl::ui {

namespace {

ImVec4 Rgb(int r, int g, int b, float a = 1.0f)
{
    return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a);
}

} // namespace

void ApplyTheme()
{
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(14, 10);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.CellPadding = ImVec2(8, 4);
    style.ScrollbarSize = 14;
    style.GrabMinSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.FrameRounding = 3;
    style.PopupRounding = 4;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 3;
    style.WindowBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;  // white fields and checkboxes need an edge on the light background

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = Rgb(31, 41, 51);
    c[ImGuiCol_TextDisabled] = Rgb(123, 135, 148);
    c[ImGuiCol_WindowBg] = Rgb(245, 247, 250);
    c[ImGuiCol_ChildBg] = Rgb(255, 255, 255, 0);
    c[ImGuiCol_PopupBg] = Rgb(255, 255, 255);
    c[ImGuiCol_Border] = Rgb(203, 210, 217);
    c[ImGuiCol_BorderShadow] = Rgb(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = Rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = Rgb(225, 236, 251);
    c[ImGuiCol_FrameBgActive] = Rgb(200, 220, 247);
    c[ImGuiCol_MenuBarBg] = Rgb(255, 255, 255);
    c[ImGuiCol_ScrollbarBg] = Rgb(245, 247, 250);
    c[ImGuiCol_ScrollbarGrab] = Rgb(190, 198, 207);
    c[ImGuiCol_ScrollbarGrabHovered] = Rgb(154, 165, 177);
    c[ImGuiCol_ScrollbarGrabActive] = Rgb(123, 135, 148);
    c[ImGuiCol_Button] = Rgb(31, 111, 235);
    c[ImGuiCol_ButtonHovered] = Rgb(24, 94, 204);
    c[ImGuiCol_ButtonActive] = Rgb(18, 76, 168);
    c[ImGuiCol_Header] = Rgb(214, 229, 250);
    c[ImGuiCol_HeaderHovered] = Rgb(229, 238, 252);
    c[ImGuiCol_HeaderActive] = Rgb(200, 220, 247);
    c[ImGuiCol_Separator] = Rgb(218, 224, 231);
    c[ImGuiCol_TableHeaderBg] = Rgb(234, 238, 243);
    c[ImGuiCol_TableBorderStrong] = Rgb(190, 198, 207);
    c[ImGuiCol_TableBorderLight] = Rgb(225, 230, 236);
    c[ImGuiCol_TableRowBg] = Rgb(255, 255, 255);
    c[ImGuiCol_TableRowBgAlt] = Rgb(248, 250, 252);
    c[ImGuiCol_ModalWindowDimBg] = Rgb(15, 23, 42, 0.35f);
    c[ImGuiCol_TitleBg] = Rgb(234, 238, 243);
    c[ImGuiCol_TitleBgActive] = Rgb(234, 238, 243);
    c[ImGuiCol_NavHighlight] = Rgb(31, 111, 235);
}

namespace theme {
ImU32 TotalsRowBg() { return ImGui::GetColorU32(Rgb(255, 247, 224)); }
ImU32 PercentBar() { return ImGui::GetColorU32(Rgb(31, 111, 235, 0.14f)); }
ImVec4 DimText() { return Rgb(102, 115, 130); }
ImVec4 Accent() { return Rgb(31, 111, 235); }
ImVec4 TargetMark() { return Rgb(22, 128, 61); }
ImVec4 WarningText() { return Rgb(180, 110, 0); }
ImVec4 ErrorText() { return Rgb(200, 30, 30); }

ImVec4 StatusColor(ProjectStatus status)
{
    switch (status) {
    case ProjectStatus::NotStarted: return Rgb(123, 135, 148);
    case ProjectStatus::UnderConstruction: return Rgb(31, 111, 235);
    case ProjectStatus::Completed: return Rgb(22, 128, 61);
    case ProjectStatus::Commissioned: return Rgb(13, 116, 128);
    }
    return Rgb(31, 41, 51);
}
} // namespace theme

} // namespace kpl::ui
