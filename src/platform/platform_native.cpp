// The platform layer for native builds (development, unit tests of the UI logic): no page, no
// picker. Downloads are written to $KPL_DOWNLOAD_DIR when set; bundled files are read from
// $KPL_ASSET_DIR, else from the folder compiled in as KPL_NATIVE_ASSET_DIR.
#include "platform.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
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

void OpenFilePicker()
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

} // namespace kpl::platform
