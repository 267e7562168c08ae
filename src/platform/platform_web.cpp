// The platform layer in the browser: C++ half of platform_web.js (linked as a --js-library). The
// only file of the app that talks to JavaScript: it declares the library's functions and exports
// the entry points the page calls (file chosen or dropped, and the window.kpl hooks).
#include "platform.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <utility>

// Implemented in platform_web.js.
extern "C" {
void kpl_web_init();
void kpl_web_open_picker(const char* purpose, const char* accept, int multiple);
void kpl_web_download(const char* name, const char* data, int size, const char* mime_type);
void kpl_web_sync_viewport(float* out_f, int* out_i);
void kpl_web_take_input(uint32_t* out_count, float* out_wheel);
void kpl_web_set_ctrl_wheel_wanted(int wanted);
char* kpl_web_take_text();
void kpl_web_set_text_input(int active, float x, float y, float line_height);
void kpl_web_set_clipboard(const char* text);
void kpl_web_storage_put(const char* key, const char* data, int size);
void kpl_web_storage_delete(const char* key);
void kpl_web_storage_get(const char* key, int request);
void kpl_web_set_unsaved(int unsaved);
void kpl_web_save_file(const char* name, const char* data, int size, int save_as, int request);
int kpl_web_has_save_picker();
double kpl_web_wall_clock_ms();
void kpl_web_local_time_text(double ms, char* out, int size);
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
    std::string clipboard;              // the last text copied or pasted
    // Pending asynchronous answers, by request number (storage reads, file saves).
    int next_request = 1;
    std::map<int, std::function<void(std::optional<std::string>)>> storage_reads;
    std::map<int, std::function<void(bool, const std::string&)>> saves;
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

void OpenFilePicker(const std::string& purpose, const std::string& accept, bool multiple)
{
    kpl_web_open_picker(purpose.c_str(), accept.c_str(), multiple ? 1 : 0);
}

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
    float wheel[3] = {0, 0, 0};  // x, y, Ctrl held (0 or 1)
    kpl_web_take_input(&count, wheel);
    InputSince input;
    input.event_count = count - State().last_input_count;
    State().last_input_count = count;
    input.wheel_x = wheel[0];
    input.wheel_y = wheel[1];
    input.wheel_ctrl = wheel[2] != 0;
    if (char* text = kpl_web_take_text()) {
        input.text = text;
        std::free(text);
    }
    return input;
}

void SetCtrlWheelWanted(bool wanted)
{
    kpl_web_set_ctrl_wheel_wanted(wanted ? 1 : 0);
}

void SetTextInput(bool active, float x, float y, float line_height)
{
    kpl_web_set_text_input(active ? 1 : 0, x, y, line_height);
}

void SetClipboardText(const std::string& text)
{
    State().clipboard = text;
    kpl_web_set_clipboard(text.c_str());
}

const std::string& ClipboardText() { return State().clipboard; }

void StoragePut(const std::string& key, std::string_view bytes)
{
    kpl_web_storage_put(key.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void StorageDelete(const std::string& key) { kpl_web_storage_delete(key.c_str()); }

void StorageGet(const std::string& key, std::function<void(std::optional<std::string>)> done)
{
    const int request = State().next_request++;
    State().storage_reads[request] = std::move(done);
    kpl_web_storage_get(key.c_str(), request);
}

void SetUnsavedChanges(bool unsaved) { kpl_web_set_unsaved(unsaved ? 1 : 0); }

void SaveFile(const std::string& file_name, std::string_view bytes, bool save_as,
              std::function<void(bool ok, const std::string& name)> done)
{
    const int request = State().next_request++;
    State().saves[request] = std::move(done);
    kpl_web_save_file(file_name.c_str(), bytes.data(), static_cast<int>(bytes.size()), save_as ? 1 : 0, request);
}

bool HasSavePicker() { return kpl_web_has_save_picker() != 0; }

double WallClockMs() { return kpl_web_wall_clock_ms(); }

std::string LocalTimeText(double wall_clock_ms)
{
    char text[40] = {0};
    kpl_web_local_time_text(wall_clock_ms, text, sizeof text);
    return text;
}

double NowSeconds() { return emscripten_get_now() / 1000.0; }

void SetPageTitle(const std::string& title) { emscripten_set_window_title(title.c_str()); }

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

EMSCRIPTEN_KEEPALIVE void kpl_web_file_opened(const char* name, const char* data, int size, const char* purpose)
{
    Guarded("opening a file", [&] {
        if (State().callbacks.file_opened)
            State().callbacks.file_opened({name, std::string(data, static_cast<size_t>(size)), false, purpose});
    });
}

// A file the browser could not read, or too large for wasm memory.
EMSCRIPTEN_KEEPALIVE void kpl_web_file_unreadable(const char* name, const char* purpose)
{
    Guarded("reporting an unreadable file", [&] {
        if (State().callbacks.file_opened)
            State().callbacks.file_opened({std::string(name), std::string(), true, purpose});
    });
}

// Ctrl/Cmd (+ Shift when `shift`) + letter, from the keydown listener; returns 1 when the app
// used the key.
EMSCRIPTEN_KEEPALIVE int kpl_web_shortcut(int letter, int shift)
{
    bool used = false;
    Guarded("a keyboard shortcut", [&] {
        auto& handler = shift ? State().callbacks.shift_shortcut : State().callbacks.shortcut;
        if (handler)
            used = handler(static_cast<char>(letter));
    });
    return used ? 1 : 0;
}

// The text pasted into the page (a paste event): remembered as the clipboard's content.
EMSCRIPTEN_KEEPALIVE void kpl_web_pasted(const char* text)
{
    State().clipboard = text ? text : "";
}

// The answer to StorageGet `request`: `found` 0 when the key holds nothing (or the read failed).
EMSCRIPTEN_KEEPALIVE void kpl_web_storage_answer(int request, int found, const char* data, int size)
{
    auto node = State().storage_reads.extract(request);
    if (node.empty() || !node.mapped())
        return;
    Guarded("reading the browser's storage", [&] {
        if (found)
            node.mapped()(std::string(data, static_cast<size_t>(size)));
        else
            node.mapped()(std::nullopt);
    });
}

// The end of SaveFile `request`: `ok` 0 when cancelled or failed; `name` the file written.
EMSCRIPTEN_KEEPALIVE void kpl_web_save_done(int request, int ok, const char* name)
{
    auto node = State().saves.extract(request);
    if (node.empty() || !node.mapped())
        return;
    Guarded("finishing a save", [&] { node.mapped()(ok != 0, name ? name : ""); });
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
