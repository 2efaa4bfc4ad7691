#!/usr/bin/env bash
# The README's main command: installs dependencies, builds, and runs Spillway's main job.
# Today that is the headless demo: validate and preview the e-commerce example, then generate it
# (1M orders, their lines, customers and products) as CSV into ./spillway-demo with live progress.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh"
cli="${SPILLWAY_BUILD_DIR:-$here/build}/app/cli/spillway-cli"
out="${SPILLWAY_DEMO_DIR:-$PWD/spillway-demo}"
"$cli" validate example:ecommerce
"$cli" preview example:ecommerce --rows 5 --width 24
"$cli" generate example:ecommerce --out "$out" "$@"
echo "Files are in $out; load them with the DDL from: $cli ddl example:ecommerce"
