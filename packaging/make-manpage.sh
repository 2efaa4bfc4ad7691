#!/usr/bin/env bash
# Writes a gzipped man page for a Spillway program from its own --help and --version, so the man
# page can never drift from the program. For spillway-cli, each command's --help becomes a
# subsection of COMMANDS. Used at build time by packaging/cpack.cmake.
# Usage: make-manpage.sh PROGRAM NAME "ONE-LINE DESCRIPTION" OUT.1.gz
set -euo pipefail
program=$1 name=$2 description=$3 out=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen # the desktop application prints its help without a display
# The pages are English whatever the language of the machine that builds them.
unset LANGUAGE
export LC_ALL=C.UTF-8
{
    echo "[SEE ALSO]"
    if [ "$name" = spillway ]; then echo ".BR spillway-cli (1)"; else echo ".BR spillway (1)"; fi
    echo ".PP"
    echo "The README of the project documents the schema format, every generator and the runs."
    if [ "$name" = spillway-cli ]; then
        echo "[COMMANDS]"
        # The command names are the indented words of the top-level help's "Commands:" block.
        "$program" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && /^  [a-z]/ {print $1}' |
            while read -r command; do
                echo ".SS \"$command\""
                echo ".nf"
                "$program" "$command" --help 2>&1 | sed 's/\\/\\\\/g; s/^\./\\\&./'
                echo ".fi"
            done
    fi
} >"$work/include"
help2man --no-info --no-discard-stderr --name="$description" --include="$work/include" \
    --output="$work/$name.1" "$program"
gzip -9n <"$work/$name.1" >"$out"
