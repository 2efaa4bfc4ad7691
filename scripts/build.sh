#!/usr/bin/env bash
# Configures and builds Spillway into build/ (Release, Ninja), warnings as errors
# (SPILLWAY_WERROR=OFF to build anyway with a compiler that warns where gcc 12 does not).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPILLWAY_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${SPILLWAY_BUILD_TYPE:-Release}" \
    -DSPILLWAY_WERROR="${SPILLWAY_WERROR:-ON}" >/dev/null
cmake --build "$build" -j "$(nproc)"
