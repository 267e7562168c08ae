#!/usr/bin/env bash
# Sets up, builds and runs every test: native unit tests and ledgertool checks (ctest), the same
# unit tests compiled to WebAssembly under Node, the JSON Schema agreement check, and the browser
# end-to-end tests in headless Chromium. Exits non-zero if any suite fails.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc 2>/dev/null || echo 2)

bash tools/setup.sh || { echo "setup failed"; exit 1; }

passed=0; failed=0; failed_names=()
run_suite() {
    local name="$1"; shift
    echo "=== $name"
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failed_names+=("$name"); fi
}

build_native() {
    cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null &&
    cmake --build build/native -j"$jobs"
}
build_web() {
    emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release >/dev/null &&
    cmake --build build/web -j"$jobs"
}

run_suite "native build" build_native
run_suite "native unit tests (ctest)" ctest --test-dir build/native --output-on-failure
run_suite "web build" build_web
run_suite "wasm unit tests under Node (ctest)" ctest --test-dir build/web --output-on-failure
run_suite "demo ledger is reproducible" python3 tools/gen_demo_ledger.py --check
run_suite "schema and loader agree" node tests/schema/check_schema.mjs
run_suite "browser end-to-end" node tests/e2e/run.mjs

echo
if [ "$failed" -gt 0 ]; then echo "failed suites: ${failed_names[*]}"; fi
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
