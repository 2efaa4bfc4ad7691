#!/usr/bin/env bash
# Configures and builds Spillway into build/ (Release, Ninja).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPILLWAY_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${SPILLWAY_BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build" -j "$(nproc)"
