#!/usr/bin/env bash
# Regenerates every screenshot in docs/screenshots from the real application on a virtual X
# server: the start page, the designer (a numeric distribution, a text column's top values, the
# IoT example's geo scatter), the dashboard during and after a run of the e-commerce example into
# the embedded PostgreSQL server, and the history (one run; a 1-worker run compared with a
# 2-worker one), and - with examples/pipelines at hand - the "Your pipeline" target running the
# worked example's ETL (its dashboard during and after the run, the run in History) - each in the
# light and the dark palette at 1024x640 and 1600x1000, named
# PAGE-PALETTE-WxH.png. Settings, runs and the server live in a temporary folder; the pictures
# replace the old ones only when the tour wrote all of them. optipng shrinks them if installed.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${SPILLWAY_BUILD_DIR:-build}"
out=docs/screenshots
work="$(mktemp -d)"
chmod 755 "$work" # as root the server runs as 'postgres', which must enter this folder
cleanup() {
    "$build/app/cli/spillway-cli" server stop --server-dir "$work/data/spillway/server" \
        >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
# The embedded server's default folder and the runs folder follow XDG_DATA_HOME; the settings
# (recent files, theme, window layout) XDG_CONFIG_HOME.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export SPILLWAY_RUNS_DIR="$work/data/spillway/runs"
export QT_QPA_PLATFORMTHEME= # the same look on every desktop
mkdir -p "$work/shots"
if ! xvfb-run -a -s "-screen 0 1700x1100x24" "$build/app/gui/spillway" -style Fusion \
    --screenshots "$work/shots"; then
    echo "screenshots: the tour did not write every picture; $out left as it was" >&2
    exit 1
fi
if command -v optipng >/dev/null; then
    optipng -quiet -o2 "$work"/shots/*.png
fi
rm -f "$out"/*.png
mkdir -p "$out"
cp "$work"/shots/*.png "$out"/
ls "$out"
