#!/usr/bin/env bash
# Benchmark (not a test): generates a big ledger (10,000 projects by default), times load and save
# natively (kpl_bench) and in headless Chromium (kpl.openText / kpl.saveText), each next to a plain
# JSON parse/serialise baseline of the same bytes, and prints the Markdown table.
#
#   bash tools/bench/run_bench.sh [--update-doc]     --update-doc writes it into docs/performance.md
#   KPL_BENCH_PROJECTS=10000 KPL_BENCH_RUNS=5        environment knobs (defaults shown)
#   KPL_WEB_DIR=build/other/site                     serve that web build instead of building build/web
#
# Builds what it needs incrementally (native kpl_core + kpl_bench, the web app); run tools/setup.sh
# once before on a fresh machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs
projects="${KPL_BENCH_PROJECTS:-10000}"
runs="${KPL_BENCH_RUNS:-5}"
jobs="$(nproc 2>/dev/null || echo 2)"
out="$root/build/bench"
mkdir -p "$out"
update=()
[ "${1:-}" = "--update-doc" ] && update=(--update docs/performance.md)

ledger="$out/ledger-$projects.json"
echo "bench: generating $projects projects -> ${ledger#$root/}" >&2
python3 tools/gen_demo_ledger.py --projects "$projects" --out "$ledger"

echo "bench: building native" >&2
[ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
if cmake --build build/native --target help | grep -q 'kpl_bench'; then
    cmake --build build/native -j"$jobs" --target kpl_bench >/dev/null
    bench_bin="$(find build/native -type f -name kpl_bench -perm -u+x | head -1)"
else
    # Not yet added to CMake: compile it against the built core library directly.
    cmake --build build/native -j"$jobs" --target kpl_core >/dev/null
    core_lib="$(find build/native -name 'libkpl_core.a' | head -1)"
    bench_bin="$out/kpl_bench"
    g++ -O2 -DNDEBUG -std=c++17 -I src/core -I build/native/sysinc tools/bench/bench_native.cpp "$core_lib" -o "$bench_bin"
fi

if [ -n "${KPL_WEB_DIR:-}" ]; then
    echo "bench: using the web build in $KPL_WEB_DIR" >&2
else
    echo "bench: building web" >&2
    [ -f build/web/CMakeCache.txt ] || emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build/web -j"$jobs" >/dev/null
fi

echo "bench: native, $runs runs" >&2
"$bench_bin" "$ledger" "$runs" > "$out/native.json"
echo "bench: browser, $runs runs" >&2
node tools/bench/bench_browser.mjs "$ledger" "$runs" > "$out/browser.json"

node tools/bench/report.mjs "$out/native.json" "$out/browser.json" "${update[@]}"
