// What the app needs from its host, behind one small interface. The implementation is chosen at
// link time: platform_web.cpp + platform_web.js in the browser, platform_native.cpp for native
// builds and tests. Platform module: standard library only (no ImGui, no core model), so the
// interface can be implemented and faked anywhere.
//
// Threading and timing: everything runs on the browser's main thread. Callbacks registered here
// (file opened, page hooks) are only ever invoked between frames, never while a frame is drawn.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpl::platform {

// A file the user chose in the file picker or dropped on the page.
struct OpenedFile {
    std::string name;   // the file's name without folders, e.g. "ledger-2016.json"
    std::string bytes;  // its whole content
    bool unreadable = false;  // the browser could not read it (or it does not fit in memory)
    // What the picker was opened for (OpenFilePicker's `purpose`); "" for a file dropped on the page.
    std::string purpose;
};

// What the page's test and benchmark surface (docs/browser-contract.md, `window.kpl`) asks of the
// app. Each runs synchronously and returns UTF-8 text.
struct PageHooks {
    std::function<std::string()> state_json;   // kpl.state(): a JSON object
    // kpl.openText(text, name): loads through the same path as File › Open; {"ok":..,"errors":[..]}
    std::function<std::string(const std::string& name, std::string_view bytes)> open_text;
    std::function<std::string()> save_text;    // kpl.saveText(): the bytes File › Save downloads
};

// What the page tells the app as it happens.
struct AppCallbacks {
    // A file chosen in the picker or dropped on the page.
    std::function<void(OpenedFile)> file_opened;
    // Ctrl (Cmd on a Mac) + a letter ('A'..'Z'), delivered while the browser is still dispatching
    // the key: Chrome grants no user activation to such shortcut keys, so a file picker can only
    // be opened right there, not in a later frame. Returns true when the app used the key; the
    // browser's own meaning (open page, save page) and ImGui's view of the key are then suppressed.
    std::function<bool(char letter)> shortcut;
    // Ctrl+Shift + a letter (Ctrl+Shift+S: Save As), under the same rules as `shortcut`.
    std::function<bool(char letter)> shift_shortcut;
};

// Installs the page glue (input listeners, file input, drag and drop, window.kpl). Call once,
// before glfwInit(): the shortcut listener must see keys before Emscripten's GLFW does.
void Init(PageHooks hooks, AppCallbacks callbacks);

// Shows the browser's file picker. The chosen file arrives later through on_file_opened; nothing
// arrives when the user cancels. Must be called while handling a user action (a click or a key),
// or browsers refuse to open the picker. `purpose` comes back in OpenedFile::purpose; `accept` is
// the input's accept list (".json" or ".csv,.xlsx"); `multiple` lets the user choose several files,
// delivered one by one.
void OpenFilePicker(const std::string& purpose = "ledger", const std::string& accept = ".json,application/json",
                    bool multiple = false);

// Hands bytes to the user as a download named `file_name`.
void Download(const std::string& file_name, std::string_view bytes, const char* mime_type);

// A file bundled with the app ("demo-ledger.json", "fonts/ui.ttf"); nothing when absent.
std::optional<std::string> ReadBundledFile(const std::string& relative_path);

// The drawing surface, sized to the page: CSS pixels for layout, device pixels for rendering.
struct Viewport {
    float css_width = 0, css_height = 0;   // logical size, what ImGui lays out in
    int pixel_width = 0, pixel_height = 0; // backing store = CSS size × devicePixelRatio
    float pixel_ratio = 1;                 // window.devicePixelRatio
    bool changed = false;                  // size or ratio differs from the previous call
};
// Resizes the backing store to follow the page and the pixel ratio. Call once per animation frame
// (not only on "resize" events: a zoom or a move to another screen changes the ratio silently).
Viewport SyncViewport();

// Input that arrived since the previous call, for the idle policy and what the window system does
// not deliver well (the browser's wheel deltas come in pixels, lines or pages).
struct InputSince {
    uint32_t event_count = 0;       // keys, pointer, wheel, touch, focus, visibility changes
    float wheel_x = 0, wheel_y = 0; // in ImGui's units: one notch = 1, positive = left / up
    // The wheel turned with Ctrl held (or a touchpad pinch), which the page passes on only while
    // the app asks for it (SetCtrlWheelWanted); ImGui then reads Ctrl as down for this frame.
    bool wheel_ctrl = false;
    // Text committed since the previous call (UTF-8): input-method compositions, text inserted
    // without key events, pasted text. For the active text field; the window system's own
    // character events do not carry it.
    std::string text;
};
InputSince TakeInput();

double NowSeconds();  // monotonic

// Whether the pointer is over a part of the app that zooms with Ctrl+wheel (the timeline), set
// after each drawn frame. While true the page keeps Ctrl+wheel (and a pinch) from the browser's
// page zoom and passes it on in InputSince; elsewhere Ctrl+wheel stays the browser's zoom.
void SetCtrlWheelWanted(bool wanted);

// Tells the page the app has drawn its first frame (kpl.ready, hides the loading indicator).
void NotifyReady();

// Replaces the page with a readable message, for failures the app cannot draw (no WebGL 2).
void ShowFatalError(const std::string& message);

// Ranks strings for display sorting in the user's collation (Chinese by pinyin in the browser;
// byte order natively): result[i] < result[j] when strings[i] sorts before strings[j], equal ranks
// for strings that compare equal.
std::vector<uint32_t> CollationRanks(const std::vector<std::string>& strings);

// --- Text input: the input-method bridge and the system clipboard ------------------------------

// Where the app wants text typed, once per drawn frame. While `active`, a hidden text element is
// focused at (x, y) (CSS pixels, the text cursor's top left) with the line's height, so an input
// method composes there and shows its candidate window beside the field; what it commits arrives
// in InputSince::text. When not active, the element lets go of the keyboard.
void SetTextInput(bool active, float x, float y, float line_height);

// Copy: the text goes to the system clipboard (where the browser allows it) and is remembered.
void SetClipboardText(const std::string& text);
// The last text copied by the app or pasted into the page (the browser lets a page read the
// system clipboard only in a paste event; those are delivered as InputSince::text).
const std::string& ClipboardText();

// --- Persistent storage (IndexedDB in the browser, memory natively) ------------------------------
// Keys are short ASCII names, values bytes. Writes are queued in order; a read answers later,
// between frames, after every write issued before it. Nothing is ever thrown: a failed read
// answers nullopt, a failed write is reported on the console.
void StoragePut(const std::string& key, std::string_view bytes);
void StorageDelete(const std::string& key);
void StorageGet(const std::string& key, std::function<void(std::optional<std::string>)> done);

// --- Files and the page's lifetime -------------------------------------------------------------

// Whether there are changes that are in no file: the browser then asks before the page is closed
// or reloaded (beforeunload).
void SetUnsavedChanges(bool unsaved);

// Saves the way the browser allows: to the file the ledger was opened from, or the file chosen
// by the last Save As, when the File System Access API gave the page a handle to it; otherwise a
// download named `file_name`. `save_as`: ask for a new file first (the browser's save picker when
// there is one; without it the app asks for a name itself and passes it here as a download).
// `done(ok, name)` is called between frames (or at once for a download) with the name the bytes
// were saved under; ok false when the user cancelled or the write failed.
void SaveFile(const std::string& file_name, std::string_view bytes, bool save_as,
              std::function<void(bool ok, const std::string& name)> done);
// Whether SaveFile(save_as = true) can ask for a name itself (a browser save picker).
bool HasSavePicker();

// The wall clock, for stamping stored versions: milliseconds since 1970 (UTC), and the local
// time as "YYYY-MM-DD HH:MM:SS".
double WallClockMs();
std::string LocalTimeText(double wall_clock_ms);

// The page's title (document.title: the browser's tab and window), e.g. "● ledger.json — 重点项目台账".
void SetPageTitle(const std::string& title);

} // namespace kpl::platform
