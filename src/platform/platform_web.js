// Browser half of the platform layer (linked with --js-library by src/CMakeLists.txt); its C++ half
// is platform_web.cpp, the only caller of these functions. Here: input counting for the idle
// policy, wheel normalisation, Ctrl+O / Ctrl+S kept from the browser, the hidden #file-input,
// drag and drop, Blob downloads, canvas sizing for devicePixelRatio, Chinese collation, the
// input-method bridge (a hidden textarea at the text cursor), the system clipboard, IndexedDB
// storage, saving through the File System Access API, the unsaved-changes prompt, and the
// `window.kpl` surface of docs/browser-contract.md.

var LibraryKplPlatform = {
    $KplWeb: {
        inputEvents: 0,
        wheelX: 0,
        wheelY: 0,
        wheelCtrl: false,
        // The pointer is over a part of the app that zooms with Ctrl+wheel (SetCtrlWheelWanted,
        // from the last drawn frame): Ctrl+wheel and pinches go to the app there, not to the page.
        ctrlWheelWanted: false,
        lastCssWidth: -1,
        lastCssHeight: -1,
        lastRatio: -1,

        // The input-method bridge: text committed in the hidden textarea waits here for the
        // next frame (TakeInput).
        textArea: null,
        textActive: false,
        composing: false,
        pendingText: '',

        // Storage: one IndexedDB database, one object store of key -> bytes. Every operation is
        // chained behind the previous one, so a read sees every write issued before it.
        dbPromise: null,
        dbChain: null,
        dbFailedReported: false,

        // Saving: the file handle from the File System Access API (Open or Save As through the
        // browser's own pickers), written back by Save; null for files from the input or a drop.
        fileHandle: null,
        unsaved: false,

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
        // `purpose`: what the picker was opened for (OpenFilePicker), '' for a dropped file.
        deliverFile: function(name, bytes, purpose) {
            var namePtr = KplWeb.allocString(name);
            var dataPtr = KplWeb.allocBytes(bytes);
            var purposePtr = KplWeb.allocString(purpose || '');
            try {
                if (namePtr && dataPtr && purposePtr) _kpl_web_file_opened(namePtr, dataPtr, bytes.length, purposePtr);
                else if (namePtr && purposePtr) _kpl_web_file_unreadable(namePtr, purposePtr);
            } finally {
                if (namePtr) _free(namePtr);
                if (dataPtr) _free(dataPtr);
                if (purposePtr) _free(purposePtr);
            }
            KplWeb.inputEvents++;
        },

        // Files are read one after another, so several chosen at once arrive in their order.
        // (A library object's members are serialised into app.js, so the chain starts as null.)
        readChain: null,
        readAndDeliver: function(file, purpose) {
            if (!file) return;
            KplWeb.readChain = (KplWeb.readChain || Promise.resolve()).then(function() {
                return file.arrayBuffer().then(function(buffer) {
                    KplWeb.deliverFile(file.name, new Uint8Array(buffer), purpose);
                }, function() {
                    var namePtr = KplWeb.allocString(file.name);
                    var purposePtr = KplWeb.allocString(purpose || '');
                    if (namePtr && purposePtr) _kpl_web_file_unreadable(namePtr, purposePtr);
                    if (namePtr) _free(namePtr);
                    if (purposePtr) _free(purposePtr);
                    KplWeb.inputEvents++;
                });
            });
        },
        // What the #file-input was last opened for.
        pickPurpose: 'ledger',

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
            // Keys whose browser meaning must never show even when the app does not use them at
            // the moment: open a page, save the page, find in page.
            var browserKeys = { O: true, S: true, F: true };
            window.addEventListener('keydown', function(event) {
                // While an input method composes, keys belong to it (keyCode 229): GLFW must not
                // see them as presses of their own.
                if (event.isComposing || event.keyCode === 229) {
                    event.stopImmediatePropagation();
                    return;
                }
                if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
                var key = event.key || '';
                if (key.length !== 1) return;
                var letter = key.toUpperCase();
                if (letter < 'A' || letter > 'Z') return;
                var shift = event.shiftKey;
                var id = (shift ? '+' : '') + letter;
                // A held key repeats: swallow the repeats of a used shortcut, do not act again.
                var used = event.repeat ? id === lastUsedLetter : !!_kpl_web_shortcut(letter.charCodeAt(0), shift ? 1 : 0);
                lastUsedLetter = used ? id : '';
                if (used) {
                    event.preventDefault();
                    event.stopImmediatePropagation();
                    return;
                }
                if (browserKeys[letter]) event.preventDefault();
                // Paste into a text field comes from the browser's paste event (the only way to
                // read the system clipboard); ImGui must not paste its own copy as well.
                if (letter === 'V' && !shift && KplWeb.textActive) event.stopImmediatePropagation();
            }, true);
            window.addEventListener('keyup', function(event) {
                if (event.isComposing || event.keyCode === 229) event.stopImmediatePropagation();
            }, true);

            // Emscripten 3.1.6's GLFW hands raw deltaY (pixels, lines or pages, positive = down) to
            // ImGui, which expects notches with positive = up. Take the wheel here, in the capture
            // phase before GLFW's canvas listener, and pass normalised notches through TakeInput.
            // Ctrl+wheel (and a touchpad's pinch, which browsers report as one) zooms the page,
            // except over a part of the app that zooms itself (the timeline).
            var canvas = Module['canvas'];
            window.addEventListener('wheel', function(event) {
                if (event.target !== canvas) return;
                event.stopPropagation();
                if (event.ctrlKey && !KplWeb.ctrlWheelWanted) return;
                event.preventDefault();
                var scale = event.deltaMode === 1 ? 1 / 3 : event.deltaMode === 2 ? 3 : 1 / 100;
                KplWeb.wheelX -= event.deltaX * scale;
                KplWeb.wheelY -= event.deltaY * scale;
                if (event.ctrlKey) KplWeb.wheelCtrl = true;
                KplWeb.inputEvents++;
            }, { capture: true, passive: false });

            var input = document.getElementById('file-input');
            if (input) {
                input.addEventListener('change', function() {
                    var files = input.files ? Array.prototype.slice.call(input.files) : [];
                    var purpose = KplWeb.pickPurpose;
                    if (files.length && purpose === 'ledger') KplWeb.fileHandle = null;
                    files.forEach(function(file) { KplWeb.readAndDeliver(file, purpose); });
                    input.value = '';  // choosing the same file again must fire 'change' again
                });
            }

            // A file dropped anywhere on the page opens like File > Open (the app tells a ledger from
            // a report package or a spreadsheet by its content).
            window.addEventListener('dragover', function(event) {
                event.preventDefault();
                if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            }, true);
            window.addEventListener('drop', function(event) {
                event.preventDefault();
                event.stopPropagation();
                var files = event.dataTransfer && event.dataTransfer.files;
                if (files && files.length) {
                    KplWeb.fileHandle = null;
                    Array.prototype.forEach.call(files, function(file) { KplWeb.readAndDeliver(file, ''); });
                }
            }, true);

            KplWeb.installTextBridge();

            window.addEventListener('beforeunload', function(event) {
                if (!KplWeb.unsaved) return;
                event.preventDefault();
                event.returnValue = '';  // older Chromium asks only when returnValue is set
            });

            canvas.addEventListener('webglcontextlost', function(event) {
                event.preventDefault();
                if (window.kplPage && window.kplPage.showMessage) window.kplPage.showMessage('contextLost');
            }, false);
        },

        // The input-method bridge. Emscripten's GLFW only sees key events, so text from an input
        // method (or inserted without keys, or pasted) never reaches ImGui. A hidden textarea is
        // focused while ImGui wants text, at the text cursor so the candidate window opens beside
        // the field; committed text is queued for the next frame. Keys still bubble to the window,
        // where GLFW gives ImGui Backspace, arrows, Enter, Tab and Escape; only its character
        // events are withheld while the textarea has the focus, as the textarea's `input` event
        // carries the same characters.
        installTextBridge: function() {
            var area = document.createElement('textarea');
            area.id = 'kpl-text-input';
            area.setAttribute('autocomplete', 'off');
            area.setAttribute('autocorrect', 'off');
            area.setAttribute('autocapitalize', 'off');
            area.setAttribute('spellcheck', 'false');
            area.setAttribute('aria-hidden', 'true');
            area.tabIndex = -1;
            area.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:18px;padding:0;border:0;margin:0;' +
                'outline:none;resize:none;overflow:hidden;opacity:0;color:transparent;background:transparent;' +
                'caret-color:transparent;pointer-events:none;white-space:pre;z-index:1;';
            document.body.appendChild(area);
            KplWeb.textArea = area;

            var queue = function(text) {
                if (!text) return;
                KplWeb.pendingText += text.replace(/\r\n?/g, '\n');
                KplWeb.inputEvents++;
            };
            area.addEventListener('compositionstart', function() {
                KplWeb.composing = true;
                KplWeb.inputEvents++;
            });
            area.addEventListener('compositionend', function(event) {
                KplWeb.composing = false;
                queue(event.data);
                area.value = '';
            });
            area.addEventListener('input', function(event) {
                if (event.isComposing || KplWeb.composing) return;
                // Typed or inserted text; a composition's result came with compositionend, a
                // paste with the paste event, line breaks and deletions as keys through GLFW.
                if ((event.inputType === 'insertText' || event.inputType === 'insertReplacementText') && event.data)
                    queue(event.data);
                area.value = '';
            });
            window.addEventListener('keypress', function(event) {
                if (event.target === area) event.stopImmediatePropagation();
            }, true);
            document.addEventListener('paste', function(event) {
                var data = event.clipboardData;
                var text = data ? data.getData('text/plain') : '';
                if (!text) return;
                var ptr = KplWeb.allocString(text);
                if (ptr) { _kpl_web_pasted(ptr); _free(ptr); }
                if (KplWeb.textActive) queue(text);
                KplWeb.inputEvents++;
            });
        },

        // IndexedDB, opened on first use; resolves to null where the browser has none or refuses.
        db: function() {
            if (KplWeb.dbPromise) return KplWeb.dbPromise;
            KplWeb.dbPromise = new Promise(function(resolve) {
                try {
                    if (!window.indexedDB) { resolve(null); return; }
                    var request = indexedDB.open('key-project-ledger', 1);
                    request.onupgradeneeded = function() { request.result.createObjectStore('kv'); };
                    request.onsuccess = function() { resolve(request.result); };
                    request.onerror = function(event) { event.preventDefault(); resolve(null); };
                    request.onblocked = function() { resolve(null); };
                } catch (e) {
                    resolve(null);
                }
            });
            return KplWeb.dbPromise;
        },

        // Runs `op(store, finish)` in a transaction, after every earlier operation. `finish(value)`
        // ends it; failures end it with undefined.
        dbRun: function(mode, op) {
            var run = function() {
                return KplWeb.db().then(function(db) {
                    return new Promise(function(resolve) {
                        if (!db) { resolve(undefined); return; }
                        try {
                            var tx = db.transaction('kv', mode);
                            op(tx.objectStore('kv'), resolve);
                            tx.onerror = function(event) {
                                if (event && event.preventDefault) event.preventDefault();
                                KplWeb.storageProblem(tx.error);
                                resolve(undefined);
                            };
                            tx.onabort = function() { resolve(undefined); };
                        } catch (e) {
                            KplWeb.storageProblem(e);
                            resolve(undefined);
                        }
                    });
                });
            };
            KplWeb.dbChain = (KplWeb.dbChain || Promise.resolve()).then(run, run);
            return KplWeb.dbChain;
        },

        storageProblem: function(error) {
            if (KplWeb.dbFailedReported) return;
            KplWeb.dbFailedReported = true;
            console.warn('kpl: browser storage failed: ' + (error && error.message ? error.message : error));
        },

        // Writes bytes to the file behind a File System Access handle; resolves true on success.
        writeToHandle: function(handle, bytes) {
            return handle.createWritable().then(function(writable) {
                return writable.write(bytes).then(function() { return writable.close(); });
            }).then(function() { return true; });
        },

        downloadBytes: function(name, bytes, mime) {
            var blob = new Blob([bytes], { type: mime });
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

        // The browser's own file pickers (File System Access API) are used where they exist,
        // except under automation (navigator.webdriver): test drivers intercept the classic file
        // input, and a download, but not these pickers.
        usePickers: function() {
            return !navigator.webdriver && typeof window.showOpenFilePicker === 'function' &&
                   typeof window.showSaveFilePicker === 'function';
        },

        pickerTypes: [{ description: 'JSON', accept: { 'application/json': ['.json'] } }],

        saveDone: function(request, ok, name) {
            var ptr = KplWeb.allocString(name || '');
            try { _kpl_web_save_done(request, ok ? 1 : 0, ptr); } finally { if (ptr) _free(ptr); }
            KplWeb.inputEvents++;
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
                KplWeb.fileHandle = null;
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

    kpl_web_open_picker__deps: ['$KplWeb'],
    kpl_web_open_picker: function(purposePtr, acceptPtr, multiple) {
        var purpose = UTF8ToString(purposePtr);
        // The browser's own picker only for ledgers: its file handle is what Save writes back to.
        if (purpose === 'ledger' && KplWeb.usePickers()) {
            window.showOpenFilePicker({ types: KplWeb.pickerTypes, multiple: false }).then(function(handles) {
                var handle = handles[0];
                return handle.getFile().then(function(file) {
                    KplWeb.fileHandle = handle;
                    KplWeb.readAndDeliver(file, purpose);
                });
            }).catch(function(e) {
                if (!e || e.name !== 'AbortError') console.warn('kpl: file picker failed: ' + e);
            });
            return;
        }
        var input = document.getElementById('file-input');
        if (!input) return;
        KplWeb.pickPurpose = purpose;
        input.accept = UTF8ToString(acceptPtr);
        input.multiple = multiple !== 0;
        input.click();
    },

    kpl_web_download__deps: ['$KplWeb'],
    kpl_web_download: function(namePtr, dataPtr, size, mimePtr) {
        KplWeb.downloadBytes(UTF8ToString(namePtr), HEAPU8.slice(dataPtr, dataPtr + size), UTF8ToString(mimePtr));
    },

    // Committed text since the last call, as malloc'd UTF-8 (C++ frees it); 0 when none.
    kpl_web_take_text__deps: ['$KplWeb'],
    kpl_web_take_text: function() {
        if (!KplWeb.pendingText) return 0;
        var ptr = KplWeb.allocString(KplWeb.pendingText);
        KplWeb.pendingText = '';
        return ptr;
    },

    kpl_web_set_text_input__deps: ['$KplWeb'],
    kpl_web_set_text_input: function(active, x, y, lineHeight) {
        var area = KplWeb.textArea;
        if (!area) return;
        if (active) {
            area.style.left = Math.round(x) + 'px';
            area.style.top = Math.round(y) + 'px';
            area.style.height = Math.max(1, Math.round(lineHeight)) + 'px';
            area.style.fontSize = Math.max(1, Math.round(lineHeight * 0.85)) + 'px';
            KplWeb.textActive = true;
            // Clicks on the canvas take the focus; give it back for as long as a field is active.
            if (document.activeElement !== area) area.focus({ preventScroll: true });
        } else if (KplWeb.textActive) {
            KplWeb.textActive = false;
            KplWeb.composing = false;
            area.value = '';
            if (document.activeElement === area) Module['canvas'].focus({ preventScroll: true });
        }
    },

    kpl_web_set_clipboard: function(textPtr) {
        var text = UTF8ToString(textPtr);
        try {
            // Refused without a recent user action or permission; the app keeps its own copy.
            if (navigator.clipboard && navigator.clipboard.writeText)
                navigator.clipboard.writeText(text).catch(function() {});
        } catch (e) { /* no clipboard API (file:// in some browsers) */ }
    },

    kpl_web_storage_put__deps: ['$KplWeb'],
    kpl_web_storage_put: function(keyPtr, dataPtr, size) {
        var key = UTF8ToString(keyPtr);
        var bytes = HEAPU8.slice(dataPtr, dataPtr + size);
        KplWeb.dbRun('readwrite', function(store, finish) {
            store.put(bytes, key).onsuccess = function() { finish(true); };
        });
    },

    kpl_web_storage_delete__deps: ['$KplWeb'],
    kpl_web_storage_delete: function(keyPtr) {
        var key = UTF8ToString(keyPtr);
        KplWeb.dbRun('readwrite', function(store, finish) {
            store.delete(key).onsuccess = function() { finish(true); };
        });
    },

    kpl_web_storage_get__deps: ['$KplWeb'],
    kpl_web_storage_get: function(keyPtr, request) {
        var key = UTF8ToString(keyPtr);
        KplWeb.dbRun('readonly', function(store, finish) {
            var get = store.get(key);
            get.onsuccess = function() { finish(get.result); };
        }).then(function(value) {
            var bytes = value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : null;
            var ptr = bytes ? KplWeb.allocBytes(bytes) : 0;
            try {
                _kpl_web_storage_answer(request, ptr ? 1 : 0, ptr, bytes ? bytes.length : 0);
            } finally {
                if (ptr) _free(ptr);
            }
            KplWeb.inputEvents++;
        });
    },

    kpl_web_set_unsaved__deps: ['$KplWeb'],
    kpl_web_set_unsaved: function(unsaved) { KplWeb.unsaved = !!unsaved; },

    kpl_web_has_save_picker__deps: ['$KplWeb'],
    kpl_web_has_save_picker: function() { return KplWeb.usePickers() ? 1 : 0; },

    kpl_web_save_file__deps: ['$KplWeb'],
    kpl_web_save_file: function(namePtr, dataPtr, size, saveAs, request) {
        var name = UTF8ToString(namePtr);
        var bytes = HEAPU8.slice(dataPtr, dataPtr + size);
        var failed = function(e) {
            if (!e || e.name !== 'AbortError') console.warn('kpl: saving failed: ' + e);
            KplWeb.saveDone(request, false, '');
        };
        if (saveAs && KplWeb.usePickers()) {
            // Called within the user's click or key press: the picker needs that activation.
            window.showSaveFilePicker({ suggestedName: name, types: KplWeb.pickerTypes }).then(function(handle) {
                return KplWeb.writeToHandle(handle, bytes).then(function() {
                    KplWeb.fileHandle = handle;
                    KplWeb.saveDone(request, true, handle.name);
                });
            }).catch(failed);
            return;
        }
        if (!saveAs && KplWeb.fileHandle) {
            var handle = KplWeb.fileHandle;
            KplWeb.writeToHandle(handle, bytes).then(function() {
                KplWeb.saveDone(request, true, handle.name);
            }, failed);
            return;
        }
        KplWeb.fileHandle = null;
        KplWeb.downloadBytes(name, bytes, 'application/json');
        // Answered after this call returns, like the other ways, but before the next frame.
        Promise.resolve().then(function() { KplWeb.saveDone(request, true, name); });
    },

    kpl_web_wall_clock_ms: function() { return Date.now(); },

    kpl_web_local_time_text: function(ms, outPtr, size) {
        var d = new Date(ms);
        var two = function(n) { return (n < 10 ? '0' : '') + n; };
        var text = d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' +
                   two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
        stringToUTF8(text, outPtr, size);
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

    // out_count: uint32; out_wheel: [x, y, ctrl (0 or 1)]
    kpl_web_take_input__deps: ['$KplWeb'],
    kpl_web_take_input: function(outCount, outWheel) {
        HEAPU32[outCount >> 2] = KplWeb.inputEvents >>> 0;
        HEAPF32[(outWheel >> 2) + 0] = KplWeb.wheelX;
        HEAPF32[(outWheel >> 2) + 1] = KplWeb.wheelY;
        HEAPF32[(outWheel >> 2) + 2] = KplWeb.wheelCtrl ? 1 : 0;
        KplWeb.wheelX = 0;
        KplWeb.wheelY = 0;
        KplWeb.wheelCtrl = false;
    },

    kpl_web_set_ctrl_wheel_wanted__deps: ['$KplWeb'],
    kpl_web_set_ctrl_wheel_wanted: function(wanted) { KplWeb.ctrlWheelWanted = !!wanted; },

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
