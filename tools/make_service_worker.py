#!/usr/bin/env python3
"""Writes build/web/site/sw.js from the template web/sw.js, filling in a hash of the files the
service worker caches, so each build that changes the app gets a new worker (and a new cache) and
browsers pick the new version up on the next visit. Rewrites sw.js only when the hash changed.

    python3 tools/make_service_worker.py --template web/sw.js --site build/web/site

Standard library only.
"""
import argparse
import hashlib
import os
import sys

# What the page needs to start; the worker caches exactly these (the offline HTML file is for
# file:// and is not cached).
CACHED = ["index.html", "page.js", "app.js", "app.wasm", "app.data"]
PLACEHOLDER = "__KPL_BUILD_HASH__"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", required=True)
    parser.add_argument("--site", required=True)
    args = parser.parse_args()

    digest = hashlib.sha256()
    for name in CACHED:
        path = os.path.join(args.site, name)
        if not os.path.isfile(path):
            continue  # app.data is absent without a demo ledger and font: still a valid site
        digest.update(name.encode() + b"\0")
        with open(path, "rb") as f:
            digest.update(f.read())
    with open(args.template, encoding="utf-8") as f:
        template = f.read()
    digest.update(template.encode())
    if PLACEHOLDER not in template:
        print(f"make_service_worker.py: {args.template} has no {PLACEHOLDER}", file=sys.stderr)
        return 1
    text = template.replace(PLACEHOLDER, digest.hexdigest()[:16])
    out = os.path.join(args.site, "sw.js")
    if os.path.isfile(out):
        with open(out, encoding="utf-8") as f:
            if f.read() == text:
                return 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
