// The service worker: keeps the app working offline after the first visit. It caches the files
// the page needs to start (index.html, page.js, app.js, app.wasm, app.data) under a cache named
// after the build's hash (filled in by tools/make_service_worker.py). Requests go to the network
// first, so a new build is used on the next visit while online; when the network fails, the
// cached copy answers. A new build's worker replaces the old one at once and drops its cache.
'use strict';

var BUILD = '__KPL_BUILD_HASH__';
var CACHE = 'kpl-' + BUILD;
var FILES = ['./', 'index.html', 'page.js', 'app.js', 'app.wasm', 'app.data'];

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        // One by one, so a missing optional file (app.data without assets) does not fail the rest.
        return Promise.all(FILES.map(function (file) {
            return cache.add(new Request(file, { cache: 'no-store' })).catch(function () {});
        }));
    }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (key) {
            return key.indexOf('kpl-') === 0 && key !== CACHE;
        }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith(fetch(request).then(function (response) {
        // Keep the cache in step with what was last served (only complete, successful answers).
        if (response.ok && response.status === 200) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }).catch(function () {});
        }
        return response;
    }, function () {
        return caches.open(CACHE).then(function (cache) {
            return cache.match(request, { ignoreSearch: true }).then(function (hit) {
                if (hit) return hit;
                // A navigation to any page of the site falls back to the app's page.
                if (request.mode === 'navigate') return cache.match('index.html');
                return Response.error();
            });
        });
    }));
});
