// Sharing between departments in the File menu and its windows: export a report package, import
// packages (any number, any order) with the import summary and the conflicts dialog (base, mine,
// theirs, who and when, side by side). The merge is core/merge.h's.
// UI module: ImGui, core.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "commands.h"
#include "core/merge.h"
#include "platform/platform.h"

namespace kpl::ui {

// One package handed to the import: its summary arrives when the app has run the edit.
struct SharingImport {
    std::string file_name;
    std::string error;                        // could not be read or imported (zh + en)
    std::shared_ptr<ImportSummary> summary;   // filled by the edit command
    std::shared_ptr<EditResult> result;
};

// A conflict or pending change as the dialog shows it (rebuilt when the ledger changes).
struct SharingRow {
    std::string record, field, label;
    std::string base, mine;                   // display text
    std::vector<std::string> theirs, who, when;
};

// What the menu items and windows remember between frames.
struct SharingView {
    // export
    bool export_open = false;
    int export_unit = 0;                      // index into departments, then districts
    std::string base_name;
    std::optional<Ledger> base;
    std::string base_error;
    ReportPackage package;                    // made from base and the ledger; remade when either changes
    uint64_t package_generation = 0;
    int package_unit = -1;
    int base_serial = 0;                      // bumped when another base file is chosen
    int package_base_serial = -1;
    // import
    bool summary_open = false;
    std::vector<SharingImport> imports;
    // conflicts and pending
    bool conflicts_open = false;
    uint64_t rows_generation = 0;
    std::vector<SharingRow> conflict_rows;
    std::vector<SharingRow> pending_rows;     // theirs[0]: the change; mine: the reason
    std::size_t open_count = 0;
};

// Items of the File menu (call inside it).
void DrawSharingFileItems(const AppState& state, SharingView& view, CommandList& commands);
// The windows those items opened (call every frame inside the main window).
void DrawSharingWindows(const AppState& state, SharingView& view, CommandList& commands);
// A file chosen for the "package" purpose (always taken; errors are shown by the module), or a
// dropped file: returns whether it was recognised as a package and taken.
bool OnSharingFile(const AppState& state, SharingView& view, const platform::OpenedFile& file, CommandList& commands);

} // namespace kpl::ui
