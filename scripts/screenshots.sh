#!/usr/bin/env bash
# Regenerates the README screenshots: every page of the desktop application, offscreen on a
# virtual X server, with the e-commerce example open.
set -euo pipefail
cd "$(dirname "$0")/.."
xvfb-run -a build/app/gui/spillway --screenshots docs/screenshots
