// Draws the menu bar, with the app's name at its right end, and maps shortcuts to commands.
#include "main_menu.h"

#include "imgui.h"

#include "format.h"
#include "strings.h"
#include "test_marks.h"
#include "theme.h"

namespace kpl::ui {

namespace {

// "撤销 编辑项目 …" / "Undo Edit project …": the step's label in the current language.
std::string StepItem(StrId verb, const EditLabel* label)
{
    if (!label)
        return Tr(verb);
    return std::string(Tr(verb)) + " " + (CurrentLanguage() == Language::English ? label->en : label->zh);
}

} // namespace

void DrawMainMenu(const AppState& state, CommandList& commands, const MenuExtensions& extensions)
{
    if (!ImGui::BeginMenuBar())
        return;
    const bool file_menu = ImGui::BeginMenu(Tr(StrId::MenuFile));
    MarkItem("menu.file");
    if (file_menu) {
        if (ImGui::MenuItem(Tr(StrId::MenuOpen), Tr(StrId::ShortcutOpen)))
            commands.push_back({CommandKind::OpenFile});
        if (ImGui::MenuItem(Tr(StrId::MenuSave), Tr(StrId::ShortcutSave), false, HasLedger(state)))
            commands.push_back({CommandKind::SaveFile});
        if (ImGui::MenuItem(Tr(StrId::MenuSaveAs), Tr(StrId::ShortcutSaveAs), false, HasLedger(state)))
            commands.push_back({CommandKind::SaveFileAs});
        if (extensions.file_items) {
            ImGui::Separator();
            extensions.file_items();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(Tr(StrId::MenuVersions)))
            commands.push_back({CommandKind::ShowVersions});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(Tr(StrId::MenuEdit))) {
        const EditLabel* undo = state.history.UndoLabel();
        const EditLabel* redo = state.history.RedoLabel();
        if (ImGui::MenuItem(StepItem(StrId::MenuUndo, undo).c_str(), "Ctrl+Z", false, undo != nullptr))
            commands.push_back({CommandKind::Undo});
        if (ImGui::MenuItem(StepItem(StrId::MenuRedo, redo).c_str(), "Ctrl+Y", false, redo != nullptr))
            commands.push_back({CommandKind::Redo});
        ImGui::Separator();
        if (ImGui::MenuItem(Tr(StrId::MenuFind), "Ctrl+F", false, HasLedger(state)))
            commands.push_back({CommandKind::FocusSearch});
        ImGui::EndMenu();
    }
    const bool view_menu = ImGui::BeginMenu(Tr(StrId::MenuView));
    MarkItem("menu.view");
    if (view_menu) {
        if (ImGui::MenuItem(Tr(StrId::ViewProjects), nullptr, state.active_view == ActiveView::Projects))
            commands.push_back({CommandKind::ShowProjects});
        MarkItem("view.projects");
        if (ImGui::MenuItem(Tr(StrId::ViewProblems), nullptr, state.active_view == ActiveView::Problems))
            commands.push_back({CommandKind::ShowProblems});
        MarkItem("view.problems");
        if (ImGui::MenuItem(Tr(StrId::ViewDashboard), nullptr, state.active_view == ActiveView::Dashboard))
            commands.push_back({CommandKind::ShowDashboard});
        MarkItem("view.dashboard");
        if (ImGui::MenuItem(Tr(StrId::ViewGantt), nullptr, state.active_view == ActiveView::Gantt))
            commands.push_back({CommandKind::ShowGantt});
        MarkItem("view.gantt");
        ImGui::Separator();
        const bool language_menu = ImGui::BeginMenu(Tr(StrId::MenuLanguage));
        MarkItem("menu.language");
        if (language_menu) {
            // Each language named in itself, so a user who cannot read the current one finds theirs.
            if (ImGui::MenuItem("中文", nullptr, CurrentLanguage() == Language::Chinese))
                commands.push_back({CommandKind::SetChinese});
            MarkItem("language.zh");
            if (ImGui::MenuItem("English", nullptr, CurrentLanguage() == Language::English))
                commands.push_back({CommandKind::SetEnglish});
            MarkItem("language.en");
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (extensions.menus)
        extensions.menus();
    // The app's name at the right end of the bar, dim: the title of the window, in effect.
    const char* app_name = Tr(StrId::AppName);
    const float width = ImGui::CalcTextSize(app_name).x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (right - width > ImGui::GetCursorPosX() + 20) {
        ImGui::SetCursorPosX(right - width);
        ImGui::TextColored(theme::DimText(), "%s", app_name);
    }
    ImGui::EndMenuBar();
}

bool CommandForShortcut(char letter, bool shift, const AppState& state, Command& command)
{
    // ImGui's view of the last frame: a text field holds the keyboard.
    const bool typing = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;
    if (shift)
        switch (letter) {
        case 'Z':
            if (typing || !HasLedger(state))
                return false;
            command = {CommandKind::Redo};
            return true;
        default: return false;
        }
    switch (letter) {
    case 'O': command = {CommandKind::OpenFile}; return true;
    case 'S':
        // Taken even with no ledger open (saving does nothing then): the browser's "save page"
        // would only save the empty shell.
        command = {CommandKind::SaveFile};
        return true;
    case 'Z':
    case 'Y':
        if (typing || !HasLedger(state))
            return false;
        command = {letter == 'Z' ? CommandKind::Undo : CommandKind::Redo};
        return true;
    case 'F':
        // Also taken from a text field: the browser's own find cannot search a canvas.
        command = {CommandKind::FocusSearch};
        return HasLedger(state);
    default: return false;
    }
}

} // namespace kpl::ui
