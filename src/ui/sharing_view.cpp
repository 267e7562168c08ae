#include "sharing_view.h"

#include "imgui.h"

namespace kpl::ui {

void DrawSharingFileItems(const AppState& /*state*/, SharingView& /*view*/, CommandList& /*commands*/) {}

void DrawSharingWindows(const AppState& /*state*/, SharingView& /*view*/, CommandList& /*commands*/) {}

bool OnSharingFile(const AppState& /*state*/, SharingView& /*view*/, const platform::OpenedFile& /*file*/,
                   CommandList& /*commands*/)
{
    return false;
}

} // namespace kpl::ui
