#!/usr/bin/env python3
"""Writes the self-contained offline page: web/index.html with page.js and the single-file build
of the app (app-offline.js: wasm, font and demo ledger inside) inlined, so the page works opened
straight from disk (file://), with no server and no network.

    python3 tools/make_offline_html.py --html web/index.html --page web/page.js \\
        --app build/web/src/offline/app-offline.js --out build/web/site/key-project-ledger-offline.html

The app's JavaScript goes into a <script type="text/plain" id="kpl-app-source"> block that page.js
runs once it has set up Module (as it would load app.js from the server). Standard library only.
"""
import argparse
import sys


def script_safe(text, what):
    # Inside <script>, the HTML parser ends the block at "</script" and treats "<!--" specially;
    # both may only appear inside JavaScript strings or regular expressions, where "<\/" and "<\!"
    # mean the same.
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT").replace("<!--", "<\\!--")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.html, encoding="utf-8") as f:
        html = f.read()
    with open(args.page, encoding="utf-8") as f:
        page = f.read()
    with open(args.app, encoding="utf-8") as f:
        app = f.read()

    tag = '<script src="page.js"></script>'
    if html.count(tag) != 1:
        print(f"make_offline_html.py: {args.html} must load page.js exactly once as {tag}", file=sys.stderr)
        return 1
    inline = ('<script type="text/plain" id="kpl-app-source">' + script_safe(app, "app") + '</script>\n'
              '<script>' + script_safe(page, "page") + '</script>')
    html = html.replace(tag, inline)
    # A marker for the page and for people: this is the offline copy.
    html = html.replace('<html lang="zh-CN">', '<html lang="zh-CN" data-kpl-offline="1">', 1)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
