#!/usr/bin/env bash
# Installs everything the build and tests need, from Debian's packages and the npm registry.
# Idempotent: when everything is already present it only checks and returns in seconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/build/deps"

apt_packages=(cmake g++ make python3 emscripten fonts-wqy-microhei nlohmann-json3-dev
              doctest-dev chromium python3-fonttools dpkg-dev libminizip-dev zlib1g-dev)

missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

src_list=/etc/apt/sources.list.d/keyproject-deb-src.sources
need_src=0
[ -d "$deps"/imgui-src ] || need_src=1
# zlib's source (with contrib/minizip), compiled with emcc for the .xlsx container in the browser.
[ -d "$deps"/zlib-src ] || need_src=1
if [ "$need_src" = 1 ] && [ ! -f "$src_list" ]; then
    "${sudo_cmd[@]}" tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

if [ ${#missing[@]} -gt 0 ] || [ "$need_src" = 1 ]; then
    echo "setup: installing ${missing[*]:-(none)}; fetching imgui source: $need_src"
    "${sudo_cmd[@]}" apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui's full source (core + backends) comes from Debian's source package.
if [ "$need_src" = 1 ]; then
    mkdir -p "$deps/tmp-imgui"
    (cd "$deps/tmp-imgui" && apt-get source --download-only -qq imgui >/dev/null && dpkg-source -x --no-check ./*.dsc out >/dev/null)
    rm -rf "$deps/imgui-src"
    mv "$deps/tmp-imgui/out" "$deps/imgui-src"
    rm -rf "$deps/tmp-imgui"
fi

# zlib with its contrib/minizip, for the web build's .xlsx reading and writing (src/sheets): the
# Emscripten cache is frozen, so its zlib port cannot be built.
if [ ! -d "$deps/zlib-src" ]; then
    mkdir -p "$deps/tmp-zlib"
    (cd "$deps/tmp-zlib" && apt-get source --download-only -qq zlib >/dev/null && dpkg-source -x --no-check ./*.dsc out >/dev/null)
    rm -rf "$deps/zlib-src"
    mv "$deps/tmp-zlib/out" "$deps/zlib-src"
    rm -rf "$deps/tmp-zlib"
fi

# playwright-core (browser tests) and ajv (schema validation), pinned by the committed lockfile.
if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -d "$root/node_modules/ajv" ] \
   || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: ready"
