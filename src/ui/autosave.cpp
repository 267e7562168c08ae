// Autosave to the browser's storage: the policy (plain functions) and the Workspace that applies it
// to the app state through the platform's asynchronous storage.
#include "autosave.h"

#include <algorithm>
#include <utility>

#include "app.h"
#include "format.h"
#include "platform/platform.h"

namespace kpl::ui {

namespace {

constexpr const char* kDemoFileName = "demo-ledger.json";  // what the page opens at start

// --- What autosave needs to know of the app state, in one place.

struct WorkView {
    bool has_ledger = false;
    bool unsaved = false;
    uint64_t generation = 0;
    std::string file_name;
    std::size_t project_count = 0;
    int64_t revision = 0;
};

WorkView ViewOf(const AppState& state)
{
    WorkView view;
    const Ledger* ledger = CurrentLedger(state);
    view.has_ledger = ledger != nullptr;
    if (!ledger)
        return view;
    view.unsaved = IsDirty(state);
    view.generation = LedgerGeneration(state);
    view.file_name = state.file_name;
    view.project_count = ledger->projects.size();
    view.revision = ledger->revision;
    return view;
}

// Names the state a write would store: a change of content or of the unsaved flag.
std::string StateKey(const WorkView& view)
{
    if (!view.has_ledger)
        return "";
    return std::to_string(view.generation) + (view.unsaved ? "*" : "") + view.file_name;
}

// Opens stored bytes as the current ledger: as restored work (in no file) when `unsaved`, else as
// the file it was. Returns false (and changes nothing) when the bytes no longer load.
bool RestoreInto(AppState& state, const std::string& name, const std::string& bytes, bool unsaved)
{
    if (!unsaved)
        return OpenLedgerFile(state, name, bytes);
    LoadResult result = LoadLedger(bytes);
    if (!result.ledger)
        return false;
    RestoreLedger(state, std::move(*result.ledger), name);
    state.redraw_requested = true;
    return true;
}

std::string VersionKey(uint64_t id) { return std::string(kStoreVersionPrefix) + std::to_string(id); }

template <typename T>
T Get(const nlohmann::json& j, const char* key, T fallback)
{
    const auto it = j.find(key);
    if (it == j.end())
        return fallback;
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        return fallback;
    }
}

} // namespace

// --- Policy

std::string SessionToJson(const StoredSession& session)
{
    nlohmann::json j;
    j["file_name"] = session.file_name;
    j["unsaved"] = session.unsaved;
    j["time_ms"] = session.time_ms;
    j["project_count"] = session.project_count;
    j["revision"] = session.revision;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<StoredSession> SessionFromJson(std::string_view text)
{
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    StoredSession session;
    session.file_name = Get<std::string>(j, "file_name", "");
    session.unsaved = Get<bool>(j, "unsaved", false);
    session.time_ms = Get<double>(j, "time_ms", 0);
    session.project_count = Get<std::size_t>(j, "project_count", 0);
    session.revision = Get<int64_t>(j, "revision", 0);
    return session;
}

std::string VersionsToJson(const std::vector<StoredVersion>& versions)
{
    nlohmann::json list = nlohmann::json::array();
    for (const StoredVersion& v : versions) {
        nlohmann::json j;
        j["id"] = v.id;
        j["created_ms"] = v.created_ms;
        j["time_ms"] = v.time_ms;
        j["file_name"] = v.file_name;
        j["project_count"] = v.project_count;
        j["revision"] = v.revision;
        j["unsaved"] = v.unsaved;
        j["session"] = v.session;
        j["generation"] = v.generation;
        list.push_back(std::move(j));
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<StoredVersion> VersionsFromJson(std::string_view text)
{
    std::vector<StoredVersion> versions;
    const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array())
        return versions;
    for (const nlohmann::json& j : list) {
        if (!j.is_object())
            continue;
        StoredVersion v;
        v.id = Get<uint64_t>(j, "id", 0);
        if (v.id == 0)
            continue;
        v.created_ms = Get<double>(j, "created_ms", 0);
        v.time_ms = Get<double>(j, "time_ms", v.created_ms);
        v.file_name = Get<std::string>(j, "file_name", "");
        v.project_count = Get<std::size_t>(j, "project_count", 0);
        v.revision = Get<int64_t>(j, "revision", 0);
        v.unsaved = Get<bool>(j, "unsaved", false);
        v.session = Get<double>(j, "session", 0);
        v.generation = Get<uint64_t>(j, "generation", 0);
        versions.push_back(std::move(v));
    }
    return versions;
}

VersionSlot ChooseVersionSlot(const std::vector<StoredVersion>& versions, const StoredVersion& candidate,
                              const AutosavePolicy& policy)
{
    if (versions.empty())
        return VersionSlot::StartNew;
    const StoredVersion& newest = versions.back();
    if (newest.session == candidate.session && newest.generation == candidate.generation &&
        newest.file_name == candidate.file_name)
        return VersionSlot::UpdateNewest;  // the same content again: saved, or written twice
    if (newest.file_name != candidate.file_name || !newest.unsaved ||
        candidate.time_ms - newest.created_ms >= policy.version_span_ms)
        return VersionSlot::StartNew;
    return VersionSlot::UpdateNewest;
}

std::vector<uint64_t> PruneVersions(std::vector<StoredVersion>& versions, std::size_t keep)
{
    std::vector<uint64_t> dropped;
    if (versions.size() <= keep)
        return dropped;
    const std::size_t excess = versions.size() - keep;
    for (std::size_t i = 0; i < excess; ++i)
        dropped.push_back(versions[i].id);
    versions.erase(versions.begin(), versions.begin() + static_cast<std::ptrdiff_t>(excess));
    return dropped;
}

void WriteTimer::Observe(const std::string& state_key, double now_seconds)
{
    if (state_key == seen_)
        return;
    seen_ = state_key;
    pending_ = !state_key.empty();
    changed_at_ = now_seconds;
}

bool WriteTimer::Due(double now_seconds, double quiet_seconds) const
{
    return pending_ && now_seconds - changed_at_ >= quiet_seconds;
}

// --- Workspace

void Workspace::Start(AppState& state, double /*now_seconds*/)
{
    if (started_)
        return;
    started_ = true;
    session_ = platform::WallClockMs();
    AppState* app = &state;
    // Versions, then the session, then the work: each read answers after the previous one.
    platform::StorageGet(kStoreVersions, [this](std::optional<std::string> text) {
        if (text)
            versions_ = VersionsFromJson(*text);
    });
    platform::StorageGet(kStoreSession, [this, app](std::optional<std::string> text) {
        const std::optional<StoredSession> session = text ? SessionFromJson(*text) : std::nullopt;
        // Worth bringing back: work that is in no file, or a file other than the demo (the page
        // then reopens where the user left off, under the remembered file name).
        if (!session || (!session->unsaved && session->file_name == kDemoFileName)) {
            timer_.Reset(StateKey(ViewOf(*app)));
            settled_ = true;
            app->redraw_requested = true;
            return;
        }
        const StoredSession found = *session;
        platform::StorageGet(kStoreWork, [this, app, found](std::optional<std::string> bytes) {
            if (bytes && RestoreInto(*app, found.file_name, *bytes, found.unsaved)) {
                ++restores_;
                if (found.unsaved) {
                    notice_open = true;
                    notice_time = platform::LocalTimeText(found.time_ms);
                }
            }
            // What was restored is what is stored: no write until it changes.
            timer_.Reset(StateKey(ViewOf(*app)));
            last_written_key_ = StateKey(ViewOf(*app));
            settled_ = true;
            app->redraw_requested = true;
        });
    });
}

void Workspace::Tick(AppState& state, double now_seconds)
{
    // Menu commands, executed after the frame that showed the menu (still within the click's
    // user activation, which a save picker needs).
    if (state.save_as_requests != save_as_seen_) {
        save_as_seen_ = state.save_as_requests;
        BeginSaveAs(state);
    }
    if (state.versions_requests != versions_seen_) {
        versions_seen_ = state.versions_requests;
        versions_open = true;
        state.redraw_requested = true;
    }
    const WorkView view = ViewOf(state);
    if (view.unsaved != unsaved_reported_) {
        platform::SetUnsavedChanges(view.unsaved);
        unsaved_reported_ = view.unsaved;
    }
    // Until the stored session has been read, writing would overwrite the work to restore.
    if (!settled_)
        return;
    timer_.Observe(StateKey(view), now_seconds);
    if (timer_.Due(now_seconds, policy.quiet_seconds))
        Write(state, now_seconds);
}

void Workspace::Write(AppState& state, double /*now_seconds*/)
{
    timer_.Written();
    const WorkView view = ViewOf(state);
    if (!view.has_ledger)
        return;
    const std::string bytes = SavedBytes(state);
    const double now_ms = platform::WallClockMs();

    StoredSession session;
    session.file_name = view.file_name;
    session.unsaved = view.unsaved;
    session.time_ms = now_ms;
    session.project_count = view.project_count;
    session.revision = view.revision;
    platform::StoragePut(kStoreWork, bytes);
    platform::StoragePut(kStoreSession, SessionToJson(session));

    StoredVersion candidate;
    candidate.created_ms = now_ms;
    candidate.time_ms = now_ms;
    candidate.file_name = view.file_name;
    candidate.project_count = view.project_count;
    candidate.revision = view.revision;
    candidate.unsaved = view.unsaved;
    candidate.session = session_;
    candidate.generation = view.generation;
    if (ChooseVersionSlot(versions_, candidate, policy) == VersionSlot::UpdateNewest) {
        StoredVersion& newest = versions_.back();
        candidate.id = newest.id;
        candidate.created_ms = newest.created_ms;
        newest = candidate;
    } else {
        uint64_t next_id = 1;
        for (const StoredVersion& v : versions_)
            next_id = std::max(next_id, v.id + 1);
        candidate.id = next_id;
        versions_.push_back(candidate);
    }
    platform::StoragePut(VersionKey(candidate.id), bytes);
    for (uint64_t id : PruneVersions(versions_, policy.keep_versions))
        platform::StorageDelete(VersionKey(id));
    platform::StoragePut(kStoreVersions, VersionsToJson(versions_));
    ++writes_;
    last_written_key_ = StateKey(view);
}

void Workspace::RestoreVersion(AppState& state, uint64_t id)
{
    const auto it = std::find_if(versions_.begin(), versions_.end(), [id](const StoredVersion& v) { return v.id == id; });
    if (it == versions_.end())
        return;
    const std::string name = it->file_name;
    AppState* app = &state;
    platform::StorageGet(VersionKey(id), [this, app, name](std::optional<std::string> bytes) {
        if (bytes && RestoreInto(*app, name, *bytes, true)) {
            ++restores_;
            notice_open = false;
            versions_open = false;
            app->redraw_requested = true;
        }
    });
}

void Workspace::DiscardRestored(AppState& state)
{
    notice_open = false;
    // The restored work goes into the versions first, so discarding it loses nothing.
    Write(state, 0);
    if (std::optional<std::string> demo = platform::ReadBundledFile(kDemoFileName))
        OpenLedgerFile(state, kDemoFileName, *demo);
}

void Workspace::BeginSaveAs(AppState& state)
{
    if (!HasLedger(state))
        return;
    if (platform::HasSavePicker()) {
        SaveToFile(state, true, DownloadName(state.file_name));
        return;
    }
    save_as_name = DownloadName(state.file_name);
    save_as_open = true;
    state.redraw_requested = true;
}

void Workspace::SaveToFile(AppState& state, bool save_as, const std::string& name)
{
    if (!HasLedger(state))
        return;
    const std::string bytes = SavedBytes(state);
    const std::string file_name = name.empty() ? DownloadName(state.file_name) : name;
    const uint64_t generation = LedgerGeneration(state);
    AppState* app = &state;
    platform::SaveFile(file_name, bytes, save_as, [app, generation, save_as](bool ok, const std::string& saved_name) {
        if (!ok)
            return;
        // Edits made while the browser wrote the file are not in it.
        if (LedgerGeneration(*app) == generation)
            MarkLedgerSaved(*app, save_as && !saved_name.empty() ? saved_name : app->file_name);
        else if (save_as && !saved_name.empty())
            app->file_name = saved_name;
        app->redraw_requested = true;
    });
}

nlohmann::json Workspace::StateJson() const
{
    nlohmann::json j;
    j["settled"] = settled_;
    j["writes"] = writes_;
    j["restores"] = restores_;
    j["pending"] = timer_.Pending();
    j["notice_open"] = notice_open;
    j["versions_open"] = versions_open;
    j["version_count"] = versions_.size();
    j["written_key"] = last_written_key_;
    j["save_as_open"] = save_as_open;
    j["save_as_name"] = save_as_name;
    j["versions_button"] = {versions_button[0], versions_button[1], versions_button[2], versions_button[3]};
    j["restore_button"] = {restore_button[0], restore_button[1], restore_button[2], restore_button[3]};
    nlohmann::json list = nlohmann::json::array();
    for (auto it = versions_.rbegin(); it != versions_.rend(); ++it)
        list.push_back({{"file_name", it->file_name}, {"unsaved", it->unsaved}, {"project_count", it->project_count}});
    j["versions"] = std::move(list);
    return j;
}

} // namespace kpl::ui
