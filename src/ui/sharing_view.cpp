// Sharing: File › 导出报送包… / 导入报送包… / 冲突与待审, the import summary and the conflicts
// dialog. core/merge.h computes everything; this file draws it and emits commands (Download,
// PickFile, and one Edit per decision, each an undoable step).
#include "sharing_view.h"

#include <algorithm>
#include <map>

#include "imgui.h"

#include "strings.h"
#include "test_marks.h"
#include "text_wrap.h"
#include "theme.h"

namespace kpl::ui {

namespace {

constexpr const char* kJsonMime = "application/json";

std::string FormatS(StrId id, const std::string& a, const std::string& b = "")
{
    std::string format = Tr(id);
    std::string out;
    bool first = true;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format.compare(i, 2, "%s") == 0) {
            out += first ? a : b;
            first = false;
            ++i;
        } else {
            out += format[i];
        }
    }
    return out;
}

std::string FormatD(StrId id, long long n, const std::string& s = "")
{
    std::string format = Tr(id);
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format.compare(i, 2, "%d") == 0) {
            out += std::to_string(n);
            ++i;
        } else if (format.compare(i, 2, "%s") == 0) {
            out += s;
            ++i;
        } else {
            out += format[i];
        }
    }
    return out;
}

std::string ValueText(const nlohmann::json& v)
{
    if (v.is_null())
        return Tr(StrId::SharingAbsent);
    if (v.is_string())
        return v.get<std::string>();
    return v.dump();
}

// Units that may send a package: departments, then districts.
std::vector<std::pair<std::string, std::string>> Units(const Ledger& ledger)
{
    std::vector<std::pair<std::string, std::string>> units;
    for (const Department& d : ledger.departments)
        units.emplace_back(d.id, d.name);
    for (const District& d : ledger.districts)
        units.emplace_back(d.id, d.name);
    return units;
}

void RefreshRows(const Ledger& ledger, uint64_t generation, SharingView& view)
{
    if (view.rows_generation == generation)
        return;
    view.rows_generation = generation;
    view.conflict_rows.clear();
    view.pending_rows.clear();
    SharingState state = ReadSharing(ledger);
    std::map<std::string, nlohmann::json> records = state.conflicts.empty() ? std::map<std::string, nlohmann::json>{}
                                                                            : LedgerRecords(ledger);
    for (const MergeConflict& c : state.conflicts) {
        SharingRow row;
        row.record = c.record;
        row.field = c.field;
        row.label = RecordLabel(ledger, c.record);
        row.base = ValueText(c.base);
        auto it = records.find(c.record);
        row.mine = ValueText(it != records.end() && it->second.contains(c.field) ? it->second[c.field] : nlohmann::json());
        for (const ConflictSide& s : c.theirs) {
            row.theirs.push_back(ValueText(s.value));
            row.who.push_back(s.modified_by.empty() ? s.unit_id : s.modified_by);
            row.when.push_back(s.modified_at);
        }
        view.conflict_rows.push_back(std::move(row));
    }
    for (const PendingChange& p : state.pending) {
        SharingRow row;
        row.record = p.change.record;
        row.field = p.change.field;
        row.label = RecordLabel(ledger, p.change.record);
        row.mine = CurrentLanguage() == Language::Chinese ? p.reason_zh : p.reason_en;
        row.theirs.push_back(p.change.op == ChangeOp::Delete ? std::string(Tr(StrId::SharingDeleteRecord))
                             : p.change.op == ChangeOp::Add  ? std::string(Tr(StrId::SharingNewRecord))
                                                             : ValueText(p.change.value));
        row.who.push_back(p.change.stamp.modified_by.empty() ? p.unit_id : p.change.stamp.modified_by);
        row.when.push_back(p.change.stamp.modified_at);
        view.pending_rows.push_back(std::move(row));
    }
    view.open_count = state.conflicts.size() + state.pending.size();
}

void CenterNextWindow(float width, float height)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(width, viewport->WorkSize.x - 40), std::min(height, viewport->WorkSize.y - 40)),
                             ImGuiCond_Appearing);
}

void DrawExportWindow(const AppState& state, SharingView& view, CommandList& commands)
{
    const Ledger* ledger = CurrentLedger(state);
    CenterNextWindow(640, 360);
    const std::string title = std::string(Tr(StrId::SharingExportTitle)) + "###sharing_export";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        view.export_open = open;
        return;
    }
    MarkItem("sharing.export.window");
    if (ledger) {
        TextWrappedCjk(Tr(StrId::SharingExportIntro));
        std::vector<std::pair<std::string, std::string>> units = Units(*ledger);
        view.export_unit = std::clamp(view.export_unit, 0, std::max(0, static_cast<int>(units.size()) - 1));
        std::string current = units.empty() ? std::string() : units[static_cast<std::size_t>(view.export_unit)].second;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo(Tr(StrId::SharingExportUnit), current.c_str())) {
            for (int i = 0; i < static_cast<int>(units.size()); ++i) {
                if (ImGui::Selectable(units[static_cast<std::size_t>(i)].second.c_str(), i == view.export_unit))
                    view.export_unit = i;
                MarkItem("sharing.export.unit." + units[static_cast<std::size_t>(i)].first);
            }
            ImGui::EndCombo();
        }
        MarkItem("sharing.export.unit");
        if (ImGui::Button(Tr(StrId::SharingExportPickBase)))
            commands.push_back(Command{CommandKind::PickFile, {}, "package", false, ".json"});
        MarkItem("sharing.export.pick_base");
        if (!view.base_error.empty())
            ImGui::TextColored(theme::ErrorText(), "%s", view.base_error.c_str());
        ReportPackage& package = view.package;
        if (view.base && view.base->ledger_id == ledger->ledger_id) {
            ImGui::TextUnformatted(FormatD(StrId::SharingExportBase, view.base->revision, view.base_name).c_str());
            const std::string unit_id = units.empty() ? std::string() : units[static_cast<std::size_t>(view.export_unit)].first;
            if (view.package_generation != LedgerGeneration(state) || view.package_unit != view.export_unit ||
                view.package_base_serial != view.base_serial) {
                package = MakePackage(*view.base, *ledger, unit_id, state.editor_unit.empty() ? unit_id : state.editor_unit, "");
                view.package_generation = LedgerGeneration(state);
                view.package_unit = view.export_unit;
                view.package_base_serial = view.base_serial;
            }
            ImGui::TextUnformatted(FormatD(StrId::SharingExportCounts, static_cast<long long>(package.changes.size())).c_str());
        } else {
            ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::SharingExportNeedBase));
        }
        ImGui::BeginDisabled(!view.base || package.package_id.empty());
        if (ImGui::Button(Tr(StrId::SharingExportDownload))) {
            std::string name = "报送包-" + package.unit_id + "-r" + std::to_string(package.base_revision) + ".json";
            // Stamped when written; the package ID does not depend on it, so re-exports stay recognisable.
            ReportPackage stamped = package;
            stamped.exported_at = UtcTimestamp();
            commands.push_back(Command{CommandKind::Download, {}, name, false, SavePackage(stamped), {}, kJsonMime});
        }
        ImGui::EndDisabled();
        MarkItem("sharing.export.download");
        ImGui::SameLine();
    }
    if (ImGui::Button(Tr(StrId::ButtonClose)))
        open = false;
    MarkItem("sharing.export.close");
    ImGui::End();
    view.export_open = open;
}

void DrawSummaryWindow(SharingView& view)
{
    CenterNextWindow(760, 520);
    const std::string title = std::string(Tr(StrId::SharingSummaryTitle)) + "###sharing_summary";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        view.summary_open = open;
        return;
    }
    MarkItem("sharing.summary");
    int index = 0;
    for (const SharingImport& import : view.imports) {
        ImGui::PushID(index++);
        if (!import.error.empty()) {
            ImGui::TextColored(theme::ErrorText(), "%s", FormatS(StrId::SharingSummaryError, import.file_name).c_str());
            TextWrappedCjk(import.error);
        } else if (import.summary && !import.summary->package_id.empty()) {
            const ImportSummary& s = *import.summary;
            ImGui::TextUnformatted(FormatS(StrId::SharingSummaryPackage, s.unit_id, import.file_name).c_str());
            if (import.result && !import.result->errors.empty()) {
                for (const Diagnostic& d : import.result->errors)
                    TextWrappedCjk(d.ToString());
            } else if (s.already_imported) {
                ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::SharingSummaryAlready));
            } else {
                ImGui::BulletText("%s", FormatD(StrId::SharingSummaryApplied, static_cast<long long>(s.applied.size())).c_str());
                MarkItem("sharing.summary.applied");
                ImGui::BulletText("%s", FormatD(StrId::SharingSummaryConflicts, static_cast<long long>(s.conflicts.size())).c_str());
                MarkItem("sharing.summary.conflicts");
                ImGui::BulletText("%s", FormatD(StrId::SharingSummaryRefused, static_cast<long long>(s.refused.size())).c_str());
                for (const PendingChange& p : s.refused)
                    ImGui::BulletText("  %s %s: %s", p.change.record.c_str(), p.change.field.c_str(),
                                      CurrentLanguage() == Language::Chinese ? p.reason_zh.c_str() : p.reason_en.c_str());
                ImGui::BulletText("%s", FormatD(StrId::SharingSummaryDeletions, static_cast<long long>(s.deletions.size())).c_str());
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::Button(Tr(StrId::SharingShowConflicts)))
        view.conflicts_open = true;
    MarkItem("sharing.summary.show_conflicts");
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::ButtonClose)))
        open = false;
    MarkItem("sharing.summary.close");
    ImGui::End();
    view.summary_open = open;
    if (!open)
        view.imports.clear();
}

void DrawConflictsWindow(const AppState& state, SharingView& view, CommandList& commands)
{
    CenterNextWindow(1100, 640);
    const std::string title = std::string(Tr(StrId::SharingConflictsTitle)) + "###sharing_conflicts";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        view.conflicts_open = open;
        return;
    }
    MarkItem("sharing.conflicts");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (view.conflict_rows.empty()) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::SharingNoConflicts));
    } else if (ImGui::BeginTable("conflicts", 8, flags)) {
        for (StrId id : {StrId::SharingColRecord, StrId::SharingColField, StrId::SharingColBase, StrId::SharingColMine,
                         StrId::SharingColTheirs, StrId::SharingColWho, StrId::SharingColWhen})
            ImGui::TableSetupColumn(Tr(id));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < view.conflict_rows.size(); ++i) {
            const SharingRow& row = view.conflict_rows[i];
            for (std::size_t k = 0; k < row.theirs.size(); ++k) {
                ImGui::PushID(static_cast<int>(i * 100 + k));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (k == 0)
                    ImGui::TextWrapped("%s", row.label.c_str());
                ImGui::TableNextColumn();
                if (k == 0)
                    ImGui::TextUnformatted(row.field.c_str());
                ImGui::TableNextColumn();
                if (k == 0)
                    ImGui::TextWrapped("%s", row.base.c_str());
                ImGui::TableNextColumn();
                if (k == 0) {
                    ImGui::TextWrapped("%s", row.mine.c_str());
                    MarkItem("sharing.conflict." + std::to_string(i) + ".mine_value");
                }
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", row.theirs[k].c_str());
                MarkItem("sharing.conflict." + std::to_string(i) + ".theirs_value." + std::to_string(k));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.who[k].c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.when[k].c_str());
                ImGui::TableNextColumn();
                const std::string record = row.record, field = row.field;
                if (k == 0) {
                    if (ImGui::SmallButton(Tr(StrId::SharingUseMine)))
                        commands.push_back(Command{CommandKind::Edit, [record, field](EditHistory& h, const EditContext& c) {
                                                       return ResolveConflictEdit(h, c, record, field, -1);
                                                   }});
                    MarkItem("sharing.conflict." + std::to_string(i) + ".use_mine");
                    ImGui::SameLine();
                }
                const int side = static_cast<int>(k);
                if (ImGui::SmallButton(Tr(StrId::SharingUseTheirs)))
                    commands.push_back(Command{CommandKind::Edit, [record, field, side](EditHistory& h, const EditContext& c) {
                                                   return ResolveConflictEdit(h, c, record, field, side);
                                               }});
                MarkItem("sharing.conflict." + std::to_string(i) + ".use_theirs." + std::to_string(k));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(Tr(StrId::SharingPendingTitle));
    if (view.pending_rows.empty()) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::SharingNoPending));
    } else if (ImGui::BeginTable("pending", 7, flags)) {
        for (StrId id : {StrId::SharingColRecord, StrId::SharingColField, StrId::SharingColChange, StrId::SharingColReason,
                         StrId::SharingColWho, StrId::SharingColWhen})
            ImGui::TableSetupColumn(Tr(id));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < view.pending_rows.size(); ++i) {
            const SharingRow& row = view.pending_rows[i];
            ImGui::PushID(static_cast<int>(100000 + i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.label.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.field.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.theirs[0].c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.mine.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.who[0].c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.when[0].c_str());
            ImGui::TableNextColumn();
            for (bool accept : {true, false}) {
                if (!accept)
                    ImGui::SameLine();
                if (ImGui::SmallButton(Tr(accept ? StrId::SharingAccept : StrId::SharingDismiss)))
                    commands.push_back(Command{CommandKind::Edit, [i, accept](EditHistory& h, const EditContext& c) {
                                                   return DecidePendingEdit(h, c, i, accept);
                                               }});
                MarkItem("sharing.pending." + std::to_string(i) + (accept ? ".accept" : ".dismiss"));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(Tr(StrId::ButtonClose)))
        open = false;
    MarkItem("sharing.conflicts.close");
    (void)state;
    ImGui::End();
    view.conflicts_open = open;
}

} // namespace

void DrawSharingFileItems(const AppState& state, SharingView& view, CommandList& commands)
{
    const bool has_ledger = HasLedger(state);
    ImGui::Separator();
    if (ImGui::MenuItem(Tr(StrId::SharingMenuExport), nullptr, false, has_ledger)) {
        view.export_open = true;
        view.base.reset();
        view.base_error.clear();
    }
    MarkItem("sharing.export");
    if (ImGui::MenuItem(Tr(StrId::SharingMenuImport), nullptr, false, has_ledger)) {
        Command pick{CommandKind::PickFile, {}, "package", false, ".json"};
        pick.multiple = true;
        commands.push_back(pick);
    }
    MarkItem("sharing.import");
    if (has_ledger)
        RefreshRows(*CurrentLedger(state), LedgerGeneration(state), view);
    if (ImGui::MenuItem(FormatD(StrId::SharingMenuConflicts, static_cast<long long>(has_ledger ? view.open_count : 0)).c_str(),
                        nullptr, false, has_ledger))
        view.conflicts_open = true;
    MarkItem("sharing.conflicts_menu");
}

void DrawSharingWindows(const AppState& state, SharingView& view, CommandList& commands)
{
    if (!HasLedger(state))
        return;
    RefreshRows(*CurrentLedger(state), LedgerGeneration(state), view);
    if (view.export_open)
        DrawExportWindow(state, view, commands);
    if (view.summary_open)
        DrawSummaryWindow(view);
    if (view.conflicts_open)
        DrawConflictsWindow(state, view, commands);
}

bool OnSharingFile(const AppState& state, SharingView& view, const platform::OpenedFile& file, CommandList& commands)
{
    const Ledger* ledger = CurrentLedger(state);
    PackageLoadResult loaded = LoadPackage(file.bytes);
    if (!loaded.ok()) {
        // Not a package: while the export window waits for the received ledger, this is it.
        if (file.purpose == "package" && view.export_open && ledger) {
            LoadResult base = LoadLedger(file.bytes);
            view.base_name = file.name;
            view.base_error.clear();
            ++view.base_serial;
            if (base.ok() && base.ledger->ledger_id == ledger->ledger_id)
                view.base = std::move(base.ledger);
            else {
                view.base.reset();
                view.base_error = FormatS(StrId::SharingExportNotBase, file.name);
            }
            return true;
        }
        if (file.purpose != "package")
            return false;  // a dropped file that is not a package: someone else's
        SharingImport failed;
        failed.file_name = file.name;
        for (const Diagnostic& d : loaded.errors)
            failed.error += d.ToString() + "\n";
        view.imports.push_back(std::move(failed));
        view.summary_open = true;
        return true;
    }
    if (!ledger)
        return false;
    SharingImport import;
    import.file_name = file.name;
    import.summary = std::make_shared<ImportSummary>();
    import.result = std::make_shared<EditResult>();
    ReportPackage package = std::move(*loaded.package);
    std::shared_ptr<ImportSummary> summary = import.summary;
    std::shared_ptr<EditResult> result = import.result;
    commands.push_back(Command{CommandKind::Edit, [package, summary, result](EditHistory& h, const EditContext& c) {
                                   *result = ImportPackageEdit(h, c, package, summary.get());
                                   return *result;
                               }});
    view.imports.push_back(std::move(import));
    view.summary_open = true;
    return true;
}

} // namespace kpl::ui
