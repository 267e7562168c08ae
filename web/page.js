// The page shell's script: checks for WebGL 2, shows loading progress and fatal messages, sets up
// Emscripten's Module (canvas, output) and loads app.js (or, in the offline file, runs the app's
// inlined code), and registers the service worker that keeps the served app working offline.
// The app's own glue to the page is in src/platform/platform_web.js; the messages here are the
// ones shown before the app can draw.
(function () {
    'use strict';

    var messages = {
        loading: '正在加载…',
        downloading: '正在下载程序和数据…',
        starting: '正在启动…',
        noWebGL: '此浏览器不支持 WebGL 2，无法显示重点项目台账。请使用较新版本的 Chrome、Edge 或 Firefox，并开启硬件加速。',
        loadFailed: '重点项目台账未能加载：',
        contextLost: '图形环境已丢失（显卡重置或内存不足），请刷新页面。',
    };

    var overlay = document.getElementById('overlay');
    var overlayText = document.getElementById('overlay-text');
    var progress = document.getElementById('overlay-progress');

    function showText(text, failed) {
        overlay.hidden = false;
        overlay.classList.toggle('failed', !!failed);
        overlayText.textContent = text;
    }

    window.kpl = window.kpl || {};
    window.kpl.ready = false;
    window.kplPage = {
        showText: function (text) { showText(text, true); },
        showMessage: function (id) { showText(messages[id] || id, true); },
        onReady: function () { overlay.hidden = true; },
    };

    function hasWebGL2() {
        try {
            var gl = document.createElement('canvas').getContext('webgl2');
            if (!gl) return false;
            var lose = gl.getExtension('WEBGL_lose_context');
            if (lose) lose.loseContext();  // give the probe's context back at once
            return true;
        } catch (e) {
            return false;
        }
    }

    if (!hasWebGL2()) {
        showText(messages.noWebGL, true);
        return;
    }

    showText(messages.loading, false);
    window.Module = {
        canvas: document.getElementById('canvas'),
        print: function (text) { console.log(text); },
        // The app reports recoverable problems on stderr; they are not page errors.
        printErr: function (text) { console.warn(text); },
        // Emscripten reports the download of app.data as "Downloading data... (done/total)".
        setStatus: function (status) {
            var m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(status || '');
            if (m) {
                overlayText.textContent = messages.downloading;
                progress.max = Number(m[2]);
                progress.value = Number(m[1]);
            } else if (status) {
                overlayText.textContent = messages.starting;
            }
        },
        onAbort: function (what) { showText(messages.loadFailed + String(what), true); },
    };

    var script = document.createElement('script');
    // The offline file (tools/make_offline_html.py) carries the app's code in the page itself.
    var inlined = document.getElementById('kpl-app-source');
    if (inlined) {
        script.textContent = inlined.textContent;
    } else {
        script.src = 'app.js';
        script.async = true;
        script.onerror = function () { showText(messages.loadFailed + 'app.js', true); };
    }
    document.body.appendChild(script);

    // Served over http(s), a service worker (sw.js) caches the app so the next visit works
    // without a network; from file:// there is nothing to cache.
    if (!inlined && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
        window.addEventListener('load', function () {
            navigator.serviceWorker.register('sw.js').catch(function (e) {
                console.warn('service worker not registered: ' + e);
            });
        });
    }
})();
