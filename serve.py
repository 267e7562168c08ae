#!/usr/bin/env python3
"""Serves the built browser app (build/web/site by default) on http://127.0.0.1:8000/.

Python standard library only. Browsers refuse to fetch .wasm and .data from file://, hence a
server; this one sends WebAssembly with its proper MIME type (needed for streaming compilation)
and tells the browser not to cache, so a rebuild shows on the next reload. The service worker
(sw.js) is served from the site's root, so its scope is the whole app; being uncached too, the
browser checks it on every visit and picks up a new build.

    python3 serve.py                      # http://127.0.0.1:8000/
    python3 serve.py --port 8080 --dir build/web-other/site
"""
import argparse
import functools
import http.server
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(ROOT, "build", "web", "site")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".data": "application/octet-stream",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css",
    }

    def end_headers(self):
        if self.path.split("?", 1)[0].endswith("/sw.js"):
            self.send_header("Service-Worker-Allowed", "/")
        self.send_header("Cache-Control", "no-store, must-revalidate")
        self.send_header("Expires", "0")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True
    quiet = False


def main():
    parser = argparse.ArgumentParser(description="Serve the Key Project Ledger web build.")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--dir", default=DEFAULT_DIR, help="folder to serve (default build/web/site)")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args()

    folder = os.path.abspath(args.dir)
    if not os.path.isfile(os.path.join(folder, "index.html")) or not os.path.isfile(os.path.join(folder, "app.js")):
        print(f"serve.py: no built app in {folder} (index.html and app.js expected).\n"
              "Build it first: bash tools/run.sh, or\n"
              "  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build/web && cmake --build build/web",
              file=sys.stderr)
        return 2

    handler = functools.partial(Handler, directory=folder)
    try:
        server = Server((args.host, args.port), handler)
    except OSError as e:
        print(f"serve.py: cannot listen on {args.host}:{args.port}: {e.strerror}", file=sys.stderr)
        return 2
    server.quiet = args.quiet
    host, port = server.server_address[:2]
    print(f"Serving Key Project Ledger at http://{host}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
