// Browser half of the platform layer (linked with --js-library by src/CMakeLists.txt); its C++ half
// is platform_web.cpp, the only caller of these functions. Here: input counting for the idle
// policy, wheel normalisation, Ctrl+O / Ctrl+S kept from the browser, the hidden #file-input,
// drag and drop, Blob downloads, canvas sizing for devicePixelRatio, Chinese collation, and the
// `window.kpl` surface of docs/browser-contract.md.

var LibraryKplPlatform = {
    $KplWeb: {
        inputEvents: 0,
        wheelX: 0,
        wheelY: 0,
        lastCssWidth: -1,
        lastCssHeight: -1,
        lastRatio: -1,

        // Copies a JS string into fresh wasm memory as NUL-terminated UTF-8; the caller frees it.
        allocString: function(text) {
            var size = lengthBytesUTF8(text) + 1;
            var ptr = _malloc(size);
            if (ptr) stringToUTF8(text, ptr, size);
            return ptr;
        },

        // Copies bytes into fresh wasm memory (at least one byte, so an empty file still gets a
        // valid pointer); 0 when memory cannot grow that far.
        allocBytes: function(bytes) {
            var ptr = _malloc(Math.max(1, bytes.length));
            if (ptr) HEAPU8.set(bytes, ptr);
            return ptr;
        },

        // Hands a file's bytes to C++ (platform_web.cpp, kpl_web_file_opened).
        deliverFile: function(name, bytes) {
            var namePtr = KplWeb.allocString(name);
            var dataPtr = KplWeb.allocBytes(bytes);
            try {
                if (namePtr && dataPtr) _kpl_web_file_opened(namePtr, dataPtr, bytes.length);
                else if (namePtr) _kpl_web_file_unreadable(namePtr);
            } finally {
                if (namePtr) _free(namePtr);
                if (dataPtr) _free(dataPtr);
            }
            KplWeb.inputEvents++;
        },

        readAndDeliver: function(file) {
            if (!file) return;
            file.arrayBuffer().then(function(buffer) {
                KplWeb.deliverFile(file.name, new Uint8Array(buffer));
            }, function() {
                var namePtr = KplWeb.allocString(file.name);
                if (namePtr) { _kpl_web_file_unreadable(namePtr); _free(namePtr); }
                KplWeb.inputEvents++;
            });
        },

        // The NUL-terminated UTF-8 text C++ left at `ptr`, as a JS string.
        resultText: function(ptr) {
            return ptr ? UTF8ToString(ptr) : '';
        },

        installListeners: function() {
            var count = function() { KplWeb.inputEvents++; };
            var passive = { capture: true, passive: true };
            ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'mousemove', 'pointerdown',
             'pointerup', 'pointermove', 'touchstart', 'touchmove', 'touchend', 'focus', 'blur',
             'resize'].forEach(function(type) { window.addEventListener(type, count, passive); });
            document.addEventListener('visibilitychange', count, passive);

            // Ctrl/Cmd + letter goes to the app first, while the key is being dispatched: Chrome
            // gives such shortcut keys no user activation, so File > Open's picker could not be
            // opened from a later frame. A key the app uses is kept from the browser (Ctrl+O would
            // open a page, Ctrl+S save it) and from GLFW (ImGui would see it a second time). This
            // listener is installed before glfwInit's, so it runs first.
            var lastUsedLetter = '';
            window.addEventListener('keydown', function(event) {
                if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
                var key = event.key || '';
                if (key.length !== 1) return;
                var letter = key.toUpperCase();
                if (letter < 'A' || letter > 'Z') return;
                // A held key repeats: swallow the repeats of a used shortcut, do not act again.
                var used = event.repeat ? letter === lastUsedLetter : !!_kpl_web_shortcut(letter.charCodeAt(0));
                lastUsedLetter = used ? letter : '';
                if (used) {
                    event.preventDefault();
                    event.stopImmediatePropagation();
                }
            }, true);

            // Emscripten 3.1.6's GLFW hands raw deltaY (pixels, lines or pages, positive = down) to
            // ImGui, which expects notches with positive = up. Take the wheel here, in the capture
            // phase before GLFW's canvas listener, and pass normalised notches through TakeInput.
            var canvas = Module['canvas'];
            window.addEventListener('wheel', function(event) {
                if (event.target !== canvas) return;
                event.stopPropagation();
                if (event.ctrlKey) return;  // pinch / Ctrl+wheel: let the browser zoom
                event.preventDefault();
                var scale = event.deltaMode === 1 ? 1 / 3 : event.deltaMode === 2 ? 3 : 1 / 100;
                KplWeb.wheelX -= event.deltaX * scale;
                KplWeb.wheelY -= event.deltaY * scale;
                KplWeb.inputEvents++;
            }, { capture: true, passive: false });

            var input = document.getElementById('file-input');
            if (input) {
                input.addEventListener('change', function() {
                    var file = input.files && input.files[0];
                    KplWeb.readAndDeliver(file);
                    input.value = '';  // choosing the same file again must fire 'change' again
                });
            }

            // A file dropped anywhere on the page opens like File > Open.
            window.addEventListener('dragover', function(event) {
                event.preventDefault();
                if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            }, true);
            window.addEventListener('drop', function(event) {
                event.preventDefault();
                event.stopPropagation();
                var files = event.dataTransfer && event.dataTransfer.files;
                if (files && files.length) KplWeb.readAndDeliver(files[0]);
            }, true);

            canvas.addEventListener('webglcontextlost', function(event) {
                event.preventDefault();
                if (window.kplPage && window.kplPage.showMessage) window.kplPage.showMessage('contextLost');
            }, false);
        },

        installPageSurface: function() {
            var kpl = window.kpl || (window.kpl = {});
            kpl.ready = false;
            // Milestones of the page load (performance.now() ms), for docs/performance.md.
            kpl.timing = { runtime_ms: performance.now() };
            kpl.state = function() {
                return JSON.parse(KplWeb.resultText(_kpl_web_state_json()));
            };
            kpl.openText = function(text, name) {
                var bytes = new TextEncoder().encode(String(text));
                var namePtr = KplWeb.allocString(name === undefined ? 'ledger.json' : String(name));
                var dataPtr = KplWeb.allocBytes(bytes);
                try {
                    if (!namePtr || !dataPtr) return { ok: false, errors: ['out of memory'] };
                    return JSON.parse(KplWeb.resultText(_kpl_web_open_text(namePtr, dataPtr, bytes.length)));
                } finally {
                    if (namePtr) _free(namePtr);
                    if (dataPtr) _free(dataPtr);
                    KplWeb.inputEvents++;
                }
            };
            kpl.saveText = function() {
                var ptr = _kpl_web_save_text();
                var size = _kpl_web_result_size();
                return new TextDecoder().decode(HEAPU8.subarray(ptr, ptr + size));
            };
        },
    },

    kpl_web_init__deps: ['$KplWeb', 'malloc', 'free'],
    kpl_web_init: function() {
        KplWeb.installListeners();
        KplWeb.installPageSurface();
    },

    kpl_web_open_picker: function() {
        var input = document.getElementById('file-input');
        if (input) input.click();
    },

    kpl_web_download: function(namePtr, dataPtr, size, mimePtr) {
        var name = UTF8ToString(namePtr);
        var blob = new Blob([HEAPU8.slice(dataPtr, dataPtr + size)], { type: UTF8ToString(mimePtr) });
        var url = URL.createObjectURL(blob);
        var link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.style.display = 'none';
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        // The download has started by now; keep the URL a while for slow download managers.
        setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    },

    // out_f: [css_width, css_height, pixel_ratio]; out_i: [pixel_width, pixel_height, changed]
    kpl_web_sync_viewport__deps: ['$KplWeb'],
    kpl_web_sync_viewport: function(outF, outI) {
        var canvas = Module['canvas'];
        var rect = canvas.getBoundingClientRect();
        var ratio = window.devicePixelRatio || 1;
        var width = Math.max(1, Math.round(rect.width * ratio));
        var height = Math.max(1, Math.round(rect.height * ratio));
        var changed = rect.width !== KplWeb.lastCssWidth || rect.height !== KplWeb.lastCssHeight ||
                      ratio !== KplWeb.lastRatio;
        if (canvas.width !== width) { canvas.width = width; changed = true; }
        if (canvas.height !== height) { canvas.height = height; changed = true; }
        KplWeb.lastCssWidth = rect.width;
        KplWeb.lastCssHeight = rect.height;
        KplWeb.lastRatio = ratio;
        HEAPF32[(outF >> 2) + 0] = rect.width;
        HEAPF32[(outF >> 2) + 1] = rect.height;
        HEAPF32[(outF >> 2) + 2] = ratio;
        HEAP32[(outI >> 2) + 0] = width;
        HEAP32[(outI >> 2) + 1] = height;
        HEAP32[(outI >> 2) + 2] = changed ? 1 : 0;
    },

    // out_count: uint32; out_wheel: [x, y]
    kpl_web_take_input__deps: ['$KplWeb'],
    kpl_web_take_input: function(outCount, outWheel) {
        HEAPU32[outCount >> 2] = KplWeb.inputEvents >>> 0;
        HEAPF32[(outWheel >> 2) + 0] = KplWeb.wheelX;
        HEAPF32[(outWheel >> 2) + 1] = KplWeb.wheelY;
        KplWeb.wheelX = 0;
        KplWeb.wheelY = 0;
    },

    kpl_web_notify_ready: function() {
        if (window.kpl) {
            if (window.kpl.timing) window.kpl.timing.ready_ms = performance.now();
            window.kpl.ready = true;
        }
        if (window.kplPage && window.kplPage.onReady) window.kplPage.onReady();
    },

    kpl_web_show_fatal: function(messagePtr) {
        var message = UTF8ToString(messagePtr);
        if (window.kplPage && window.kplPage.showText) window.kplPage.showText(message);
        else document.body.textContent = message;
    },

    // `text` holds `count` NUL-terminated UTF-8 strings back to back; writes one rank per string.
    kpl_web_collation_ranks: function(textPtr, size, count, outPtr) {
        var all = new TextDecoder().decode(HEAPU8.subarray(textPtr, textPtr + size));
        var items = all.split('\0').slice(0, count);
        var compare;
        try {
            var collator = new Intl.Collator('zh-CN', { numeric: true });
            compare = collator.compare;
        } catch (e) {
            compare = function(a, b) { return a < b ? -1 : a > b ? 1 : 0; };
        }
        var order = items.map(function(_, i) { return i; });
        order.sort(function(a, b) { return compare(items[a], items[b]) || a - b; });
        var rank = 0;
        for (var k = 0; k < order.length; k++) {
            if (k > 0 && compare(items[order[k - 1]], items[order[k]]) !== 0) rank = k;
            HEAPU32[(outPtr >> 2) + order[k]] = rank;
        }
    },
};

mergeInto(LibraryManager.library, LibraryKplPlatform);
