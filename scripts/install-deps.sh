#!/usr/bin/env bash
# Installs what Spillway needs to build, test and run on Debian 12 (bookworm), from Debian's
# own packages. Idempotent: packages already present are not fetched again.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev libqt6opengl6-dev libgl-dev qtkeychain-qt6-dev
    libpqxx-dev libpq-dev zlib1g-dev libzstd-dev
    postgresql-15 postgresql-client-15 postgresql-15-postgis-3
    python3 python3-jsonschema time xvfb xauth xfonts-base imagemagick tzdata zstd gzip
    desktop-file-utils appstream dpkg-dev file
    clang-15 libfuzzer-15-dev clang-format-15 help2man lintian man-db
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        SUDO="sudo"
    else
        echo "error: installing ${missing[*]} needs root: run this script as root or install sudo" >&2
        exit 1
    fi
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
