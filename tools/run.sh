#!/usr/bin/env bash
# Sets up, builds the browser app and serves it at http://127.0.0.1:8000/ (Ctrl+C stops).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs
bash tools/setup.sh
emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/web -j"$(nproc 2>/dev/null || echo 2)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$(nproc 2>/dev/null || echo 2)" --target ledgertool
exec python3 serve.py "$@"
