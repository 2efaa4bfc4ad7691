#!/usr/bin/env bash
# What CI checks besides the tests: every C++ file formatted with the committed .clang-format
# (clang-format-15), and every include following the layering (scripts/check-layers.py).
# Warnings are errors in every build made by scripts/build.sh (SPILLWAY_WERROR, default ON).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
status=0
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
if ! clang-format-15 --dry-run --Werror "${sources[@]}" 2>/tmp/spillway-format.$$; then
    grep -E '^[^ ].*: (error|warning):' /tmp/spillway-format.$$ | cut -d: -f1 | sort -u |
        sed 's/^/not formatted: /'
    echo "check: run 'clang-format-15 -i' on the files above" >&2
    status=1
else
    echo "check-format: ${#sources[@]} files formatted as .clang-format says"
fi
rm -f /tmp/spillway-format.$$
python3 scripts/check-layers.py || status=1
exit $status
