// Never lose work: the open ledger is written to the browser's storage shortly after every change,
// the last versions are kept for restoring, and the work is brought back when the page opens again.
// The policy (when to write, which version a write goes to, which versions to drop) is plain data
// and functions, testable natively; Workspace drives it with the platform's storage and AppState.
// UI module, no ImGui: standard library, core, platform, nlohmann/json.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kpl::ui {

struct AppState;

// Storage keys (one IndexedDB object store; docs/web-app.md).
inline constexpr const char* kStoreSession = "session";     // StoredSession as JSON
inline constexpr const char* kStoreWork = "work";           // the working copy: SaveLedger bytes
inline constexpr const char* kStoreVersions = "versions";   // [StoredVersion] as JSON, oldest first
inline constexpr const char* kStoreVersionPrefix = "version-";  // + id: that version's bytes

// What the stored working copy is.
struct StoredSession {
    std::string file_name;
    bool unsaved = false;        // it held changes that were in no file
    double time_ms = 0;          // wall clock of the write
    std::size_t project_count = 0;
    int64_t revision = 0;
};

// One kept version of the ledger.
struct StoredVersion {
    uint64_t id = 0;
    double created_ms = 0;       // when this version was started
    double time_ms = 0;          // when it was last written
    std::string file_name;
    std::size_t project_count = 0;
    int64_t revision = 0;
    bool unsaved = false;        // its content was in no file when written
    // Which page session wrote it and at which edit generation: a write of the same state (a
    // save that only clears the unsaved flag) updates the version instead of adding one.
    double session = 0;
    uint64_t generation = 0;
};

std::string SessionToJson(const StoredSession& session);
std::optional<StoredSession> SessionFromJson(std::string_view text);
std::string VersionsToJson(const std::vector<StoredVersion>& versions);
std::vector<StoredVersion> VersionsFromJson(std::string_view text);  // [] for anything unreadable

struct AutosavePolicy {
    double quiet_seconds = 1.0;              // write this long after the last change (< 2 s)
    double version_span_ms = 2 * 60 * 1000;  // edits within this span share one version
    std::size_t keep_versions = 20;
};

// Whether the work being written goes into the newest version or starts a new one. A new one when
// there is none, another file, the newest is the content of a file (opened or saved: kept as it
// was), or the newest was started longer than the span ago; the same state written again (a save)
// always goes into the newest.
enum class VersionSlot { StartNew, UpdateNewest };
VersionSlot ChooseVersionSlot(const std::vector<StoredVersion>& versions, const StoredVersion& candidate,
                              const AutosavePolicy& policy);

// Removes the oldest versions beyond `keep`; returns their ids (their bytes are to be deleted).
std::vector<uint64_t> PruneVersions(std::vector<StoredVersion>& versions, std::size_t keep);

// Debounces writes: Observe() every animation frame with what names the current state; Due()
// says when it has been quiet long enough since a change that was not written yet.
class WriteTimer {
public:
    void Reset(const std::string& state_key) { seen_ = state_key; pending_ = false; }
    void Observe(const std::string& state_key, double now_seconds);
    bool Due(double now_seconds, double quiet_seconds) const;
    void Written() { pending_ = false; }
    bool Pending() const { return pending_; }

private:
    std::string seen_;
    bool pending_ = false;
    double changed_at_ = 0;
};

// Drives the policy for the app: restores at start, writes after changes, lists and restores
// versions, tells the page whether closing would lose work.
class Workspace {
public:
    // Asks the storage for the last session. Call once, after the bundled demo has been opened.
    void Start(AppState& state, double now_seconds);
    // Every animation frame (drawn or skipped).
    void Tick(AppState& state, double now_seconds);

    // The start-up check of the storage has answered (the work, if any, is restored).
    bool Settled() const { return settled_; }

    const std::vector<StoredVersion>& Versions() const { return versions_; }
    // Brings a version back as the current work (not saved to any file).
    void RestoreVersion(AppState& state, uint64_t id);
    // The notice's "discard": back to the bundled demo; the restored work stays in the versions.
    void DiscardRestored(AppState& state);

    // The notice shown after work was restored automatically.
    bool notice_open = false;
    std::string notice_time;  // when the restored work was written, local time
    bool versions_open = false;
    // Where the notice's "versions" button was drawn (x, y, width, height in CSS pixels), for the
    // page's tests to click it like a user.
    float versions_button[4] = {0, 0, 0, 0};
    float restore_button[4] = {0, 0, 0, 0};  // the version list's first "restore" (the newest)

    // Save As: the browser's save picker where there is one (called within the user's key press
    // or click); otherwise the app's own name prompt, then a download under that name.
    void BeginSaveAs(AppState& state);
    // Saves the open ledger: to its file where the browser allows it, else as a download
    // (`save_as`: under `name`, which becomes the ledger's file name).
    void SaveToFile(AppState& state, bool save_as, const std::string& name);
    bool save_as_open = false;
    std::string save_as_name;

    // For kpl.state().workspace (docs/browser-contract.md).
    nlohmann::json StateJson() const;

    AutosavePolicy policy;

private:
    void Write(AppState& state, double now_seconds);

    bool started_ = false;
    bool settled_ = false;
    double session_ = 0;         // this page session's id (its start time)
    WriteTimer timer_;
    std::vector<StoredVersion> versions_;
    bool unsaved_reported_ = false;
    uint64_t save_as_seen_ = 0;   // AppState::save_as_requests acted on
    uint64_t versions_seen_ = 0;  // AppState::versions_requests acted on
    uint64_t writes_ = 0;
    uint64_t restores_ = 0;
    std::string last_written_key_;
};

} // namespace kpl::ui
