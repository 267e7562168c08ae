// The platform layer in the browser: C++ half of platform_web.js (linked as a --js-library). The
// only file of the app that talks to JavaScript: it declares the library's functions and exports
// the entry points the page calls (file chosen or dropped, and the window.kpl hooks).
#include "platform.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

// Implemented in platform_web.js.
extern "C" {
void kpl_web_init();
void kpl_web_open_picker();
void kpl_web_download(const char* name, const char* data, int size, const char* mime_type);
void kpl_web_sync_viewport(float* out_f, int* out_i);
void kpl_web_take_input(uint32_t* out_count, float* out_wheel);
void kpl_web_notify_ready();
void kpl_web_show_fatal(const char* message);
void kpl_web_collation_ranks(const char* text, int size, int count, uint32_t* out_ranks);
}

namespace kpl::platform {

namespace {

struct WebPlatform {
    PageHooks hooks;
    AppCallbacks callbacks;
    std::string result;                 // the text the last hook call returned, read by the page
    uint32_t last_input_count = 0;
};

WebPlatform& State()
{
    static WebPlatform state;
    return state;
}

// A throw must never cross into JavaScript (it would surface as an uncaught page error), so every
// export runs its body through here and reports failures on the console instead.
template <typename Body>
void Guarded(const char* what, Body&& body)
{
    try {
        body();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kpl: %s failed: %s\n", what, e.what());
    } catch (...) {
        std::fprintf(stderr, "kpl: %s failed\n", what);
    }
}

} // namespace

void Init(PageHooks hooks, AppCallbacks callbacks)
{
    State().hooks = std::move(hooks);
    State().callbacks = std::move(callbacks);
    kpl_web_init();
}

void OpenFilePicker() { kpl_web_open_picker(); }

void Download(const std::string& file_name, std::string_view bytes, const char* mime_type)
{
    kpl_web_download(file_name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime_type);
}

std::optional<std::string> ReadBundledFile(const std::string& relative_path)
{
    // Bundled files are preloaded into Emscripten's in-memory file system under /assets
    // (src/CMakeLists.txt, --preload-file).
    std::ifstream in("/assets/" + relative_path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

Viewport SyncViewport()
{
    float f[3] = {0, 0, 1};
    int i[3] = {0, 0, 0};
    kpl_web_sync_viewport(f, i);
    Viewport viewport;
    viewport.css_width = f[0];
    viewport.css_height = f[1];
    viewport.pixel_ratio = f[2] > 0 ? f[2] : 1;
    viewport.pixel_width = i[0];
    viewport.pixel_height = i[1];
    viewport.changed = i[2] != 0;
    return viewport;
}

InputSince TakeInput()
{
    uint32_t count = 0;
    float wheel[2] = {0, 0};
    kpl_web_take_input(&count, wheel);
    InputSince input;
    input.event_count = count - State().last_input_count;
    State().last_input_count = count;
    input.wheel_x = wheel[0];
    input.wheel_y = wheel[1];
    return input;
}

double NowSeconds() { return emscripten_get_now() / 1000.0; }

void NotifyReady() { kpl_web_notify_ready(); }

void ShowFatalError(const std::string& message) { kpl_web_show_fatal(message.c_str()); }

std::vector<uint32_t> CollationRanks(const std::vector<std::string>& strings)
{
    std::vector<uint32_t> ranks(strings.size(), 0);
    if (strings.empty())
        return ranks;
    std::string packed;
    for (const std::string& s : strings) {
        packed += s;
        packed.push_back('\0');
    }
    kpl_web_collation_ranks(packed.data(), static_cast<int>(packed.size()),
                            static_cast<int>(strings.size()), ranks.data());
    return ranks;
}

} // namespace kpl::platform

// Entry points the page calls (platform_web.js). Strings come in as NUL-terminated UTF-8, file
// bytes as pointer + size; the JavaScript side owns and frees both.
using kpl::platform::Guarded;
using kpl::platform::State;

extern "C" {

EMSCRIPTEN_KEEPALIVE void kpl_web_file_opened(const char* name, const char* data, int size)
{
    Guarded("opening a file", [&] {
        if (State().callbacks.file_opened)
            State().callbacks.file_opened({name, std::string(data, static_cast<size_t>(size)), false});
    });
}

// A file the browser could not read, or too large for wasm memory.
EMSCRIPTEN_KEEPALIVE void kpl_web_file_unreadable(const char* name)
{
    Guarded("reporting an unreadable file", [&] {
        if (State().callbacks.file_opened)
            State().callbacks.file_opened({std::string(name), std::string(), true});
    });
}

// Ctrl/Cmd + letter, from the keydown listener; returns 1 when the app used the key.
EMSCRIPTEN_KEEPALIVE int kpl_web_shortcut(int letter)
{
    bool used = false;
    Guarded("a keyboard shortcut", [&] {
        if (State().callbacks.shortcut)
            used = State().callbacks.shortcut(static_cast<char>(letter));
    });
    return used ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* kpl_web_state_json()
{
    State().result = "{}";
    Guarded("kpl.state()", [&] {
        if (State().hooks.state_json)
            State().result = State().hooks.state_json();
    });
    return State().result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* kpl_web_open_text(const char* name, const char* data, int size)
{
    State().result = R"({"ok":false,"errors":["internal error"]})";
    Guarded("kpl.openText()", [&] {
        if (State().hooks.open_text)
            State().result = State().hooks.open_text(name, std::string_view(data, static_cast<size_t>(size)));
    });
    return State().result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* kpl_web_save_text()
{
    State().result.clear();
    Guarded("kpl.saveText()", [&] {
        if (State().hooks.save_text)
            State().result = State().hooks.save_text();
    });
    return State().result.data();
}

// Size in bytes of the text the last hook returned (saved ledgers are read by size, not by NUL).
EMSCRIPTEN_KEEPALIVE int kpl_web_result_size() { return static_cast<int>(State().result.size()); }

} // extern "C"
