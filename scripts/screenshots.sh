#!/usr/bin/env bash
# Regenerates the README screenshots from the real application on a virtual X server: the
# e-commerce example in the designer, the dashboard while it is ingested into the embedded
# PostgreSQL server, the history comparing two such runs (1 and 2 workers), and the IoT
# example's sensor locations in the preview's scatter. Runs are
# recorded in a temporary runs folder and the server lives in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${SPILLWAY_BUILD_DIR:-build}"
work="$(mktemp -d)"
chmod 755 "$work" # as root the server runs as 'postgres', which must enter this folder
cleanup() {
    "$build/app/cli/spillway-cli" server stop --server-dir "$work/data/spillway/server" \
        >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
# The embedded server's default folder and the runs folder follow XDG_DATA_HOME.
export XDG_DATA_HOME="$work/data" SPILLWAY_RUNS_DIR="$work/data/spillway/runs"
xvfb-run -a "$build/app/gui/spillway" --screenshots docs/screenshots
