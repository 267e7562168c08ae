// The platform layer for native builds (development, unit tests of the UI logic): no page, no
// picker. Downloads are written to $KPL_DOWNLOAD_DIR when set; bundled files are read from
// $KPL_ASSET_DIR, else from the folder compiled in as KPL_NATIVE_ASSET_DIR. Storage lives in memory
// (it answers reads at once), the clipboard is an internal copy, no input method.
#include "platform.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <utility>

#ifndef KPL_NATIVE_ASSET_DIR
#define KPL_NATIVE_ASSET_DIR "assets"
#endif

namespace kpl::platform {

namespace {

struct NativePlatform {
    PageHooks hooks;
    AppCallbacks callbacks;
    bool viewport_reported = false;
    std::string clipboard;
    std::map<std::string, std::string> storage;
};

NativePlatform& State()
{
    static NativePlatform state;
    return state;
}

} // namespace

void Init(PageHooks hooks, AppCallbacks callbacks)
{
    State().hooks = std::move(hooks);
    State().callbacks = std::move(callbacks);
}

void OpenFilePicker(const std::string& /*purpose*/, const std::string& /*accept*/, bool /*multiple*/)
{
    // No picker natively: a development build opens files given on its command line instead.
}

void Download(const std::string& file_name, std::string_view bytes, const char* /*mime_type*/)
{
    const char* dir = std::getenv("KPL_DOWNLOAD_DIR");
    if (!dir || !*dir)
        return;
    std::ofstream out(std::string(dir) + "/" + file_name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::optional<std::string> ReadBundledFile(const std::string& relative_path)
{
    const char* env_dir = std::getenv("KPL_ASSET_DIR");
    const std::string dir = env_dir && *env_dir ? env_dir : KPL_NATIVE_ASSET_DIR;
    std::ifstream in(dir + "/" + relative_path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

Viewport SyncViewport()
{
    Viewport viewport;
    viewport.css_width = 1280;
    viewport.css_height = 800;
    viewport.pixel_width = 1280;
    viewport.pixel_height = 800;
    viewport.pixel_ratio = 1;
    viewport.changed = !State().viewport_reported;
    State().viewport_reported = true;
    return viewport;
}

InputSince TakeInput() { return {}; }

void SetCtrlWheelWanted(bool) {}

double NowSeconds()
{
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

void NotifyReady() {}

void ShowFatalError(const std::string& message)
{
    std::fprintf(stderr, "%s\n", message.c_str());
}

std::vector<uint32_t> CollationRanks(const std::vector<std::string>& strings)
{
    // Byte order of UTF-8 is code point order: stable and good enough off the browser.
    std::vector<uint32_t> order(strings.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return strings[a] < strings[b]; });
    std::vector<uint32_t> ranks(strings.size(), 0);
    for (size_t k = 0; k < order.size(); ++k) {
        const bool same_as_previous = k > 0 && strings[order[k - 1]] == strings[order[k]];
        ranks[order[k]] = same_as_previous ? ranks[order[k - 1]] : static_cast<uint32_t>(k);
    }
    return ranks;
}

void SetTextInput(bool, float, float, float) {}

void SetClipboardText(const std::string& text) { State().clipboard = text; }

const std::string& ClipboardText() { return State().clipboard; }

void StoragePut(const std::string& key, std::string_view bytes) { State().storage[key] = std::string(bytes); }

void StorageDelete(const std::string& key) { State().storage.erase(key); }

void StorageGet(const std::string& key, std::function<void(std::optional<std::string>)> done)
{
    const auto it = State().storage.find(key);
    if (done)
        done(it == State().storage.end() ? std::nullopt : std::optional<std::string>(it->second));
}

void SetUnsavedChanges(bool) {}

void SaveFile(const std::string& file_name, std::string_view bytes, bool /*save_as*/,
              std::function<void(bool ok, const std::string& name)> done)
{
    Download(file_name, bytes, "application/json");
    if (done)
        done(true, file_name);
}

bool HasSavePicker() { return false; }

double WallClockMs()
{
    using Clock = std::chrono::system_clock;
    return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

std::string LocalTimeText(double wall_clock_ms)
{
    const std::time_t seconds = static_cast<std::time_t>(wall_clock_ms / 1000.0);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

// No page natively: the title has nowhere to go.
void SetPageTitle(const std::string& /*title*/) {}

} // namespace kpl::platform
