#!/usr/bin/env bash
# The README's test command: installs dependencies, builds, and runs every test (CTest).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh"
build="${SPILLWAY_BUILD_DIR:-$here/build}"
cd "$build"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure -j "$(nproc)" "$@"
