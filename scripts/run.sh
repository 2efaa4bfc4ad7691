#!/usr/bin/env bash
# The README's main command: installs dependencies, builds, and runs Spillway's main job.
# Headless (no display): the one-click demo against the embedded local PostgreSQL server —
# validate and preview the e-commerce example, generate it as CSV files, ingest it into the
# embedded server with live progress, verify what landed, and list the recorded runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh"
build="${SPILLWAY_BUILD_DIR:-$here/build}"
gui="$build/app/gui/spillway"
cli="$build/app/cli/spillway-cli"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$gui" ] && [ -z "${SPILLWAY_HEADLESS:-}" ]; then
    exec "$gui" "$@"
fi
out="${SPILLWAY_DEMO_DIR:-$PWD/spillway-demo}"
# The embedded server's folder. PostgreSQL refuses to run as root, so as root the server runs as
# the 'postgres' user, which must be able to enter every folder on the way to it: a clone under
# /root is closed to it. The same rule as spillway-cli's own default: root uses /var/lib/spillway,
# other users their XDG data folder (the server then runs as themselves).
if [ "$(id -u)" -eq 0 ]; then
    server_default=/var/lib/spillway/demo-server
else
    server_default="${XDG_DATA_HOME:-$HOME/.local/share}/spillway/demo-server"
fi
server="${SPILLWAY_DEMO_SERVER:-$server_default}"
step() { printf '\n== %s\n' "$*" >&2; }
step "Validate and preview the e-commerce example"
"$cli" validate example:ecommerce
"$cli" preview example:ecommerce --rows 5 --width 24
step "Generate it as CSV files into $out/files"
"$cli" generate example:ecommerce --out "$out/files" --workers 2
step "Ingest it into the embedded PostgreSQL server ($server)"
"$cli" ingest example:ecommerce --server-dir "$server" --mode recreate --workers 2 --keep-server
step "Verify what landed against what was generated"
"$cli" verify example:ecommerce --server-dir "$server"
"$cli" server stop --server-dir "$server"
step "Recorded runs"
"$cli" runs list
