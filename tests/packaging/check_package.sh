#!/usr/bin/env bash
# Builds Spillway's two Debian packages (spillway-cli, and spillway when the desktop application
# is built) in a build folder and checks them: metadata and dependencies (the CLI's without Qt's
# GUI modules), contents, the man page, the bash completion, the desktop entry
# (desktop-file-validate), the AppStream metadata (appstreamcli validate --no-net), the schema
# file type, lintian (no errors), and that the packaged spillway-cli runs.
# Usage: check_package.sh BUILD_DIR gui|no-gui      Ends with "N passed, M failed".
set -u
build=${1:?usage: check_package.sh BUILD_DIR gui|no-gui}
gui=${2:-gui}
passed=0
failed=0
pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    fail "cpack -G DEB builds the packages"
    finish
fi
pass "cpack -G DEB builds the packages"
version=$(sed -n 's/^project(Spillway VERSION \([0-9.]*\).*/\1/p' "$(dirname "$0")/../../CMakeLists.txt")
cli_deb=$(ls "$work"/out/spillway-cli_*.deb 2>/dev/null | head -n 1)
gui_deb=$(ls "$work"/out/spillway_*.deb 2>/dev/null | head -n 1)
[ -n "$cli_deb" ] || { fail "a spillway-cli_VERSION_ARCH.deb is made"; finish; }
pass "a spillway-cli package is made: $(basename "$cli_deb")"
if [ "$gui" = gui ]; then
    [ -n "$gui_deb" ] || { fail "a spillway_VERSION_ARCH.deb is made"; finish; }
    pass "a spillway package is made: $(basename "$gui_deb")"
else
    check "no desktop package without the desktop application" test -z "$gui_deb"
fi

field() { dpkg-deb -f "$1" "$2"; }
contents() { dpkg-deb -c "$1" | awk '{print $NF}'; }
has() { grep -qx "$2" <<<"$(contents "$1")"; }
lacks() { ! grep -Eq "$2" <<<"$(contents "$1")"; }

# spillway-cli: the headless twin, with nothing of Qt's GUI modules.
check "spillway-cli: Package" test "$(field "$cli_deb" Package)" = spillway-cli
check "spillway-cli: Version is the project's ($version)" test "$(field "$cli_deb" Version)" = "$version"
check "spillway-cli: Maintainer and Description set" \
    test -n "$(field "$cli_deb" Maintainer)" -a -n "$(field "$cli_deb" Description)"
cli_depends=$(field "$cli_deb" Depends)
check "spillway-cli: depends on Qt 6 Core (dpkg-shlibdeps)" grep -q 'libqt6core6' <<<"$cli_depends"
check "spillway-cli: depends on libpqxx (dpkg-shlibdeps)" grep -q 'libpqxx' <<<"$cli_depends"
check "spillway-cli: depends on tzdata" grep -q 'tzdata' <<<"$cli_depends"
check "spillway-cli: no keyring dependency (the GUI's alone)" \
    bash -c "! grep -q 'keychain' <<<'$cli_depends'"
check "spillway-cli: no Qt Widgets, Charts, Gui or GL dependency" \
    bash -c "! grep -Eq 'libqt6(widgets|charts|gui|opengl)|libgl' <<<'$cli_depends'"
check "spillway-cli: Recommends postgresql-15 | postgresql" \
    test "$(field "$cli_deb" Recommends)" = "postgresql-15 | postgresql"
for f in ./usr/bin/spillway-cli ./usr/share/man/man1/spillway-cli.1.gz \
    ./usr/share/bash-completion/completions/spillway-cli ./usr/share/spillway/spillway-schema.json \
    ./usr/share/doc/spillway-cli/copyright ./usr/share/doc/spillway-cli/changelog.gz; do
    check "spillway-cli: contains ${f#./}" has "$cli_deb" "$f"
done
check "spillway-cli: no desktop entry, icon or metainfo" \
    lacks "$cli_deb" 'applications/|icons/|metainfo/|mime/|usr/bin/spillway$'
check "spillway-cli: nothing under usr/local, no static libraries or headers" \
    lacks "$cli_deb" '^\./usr/local|\.(a|h)$'

root="$work/root"
dpkg-deb -x "$cli_deb" "$root"
check "the packaged spillway-cli runs and reports the version" \
    grep -qx "spillway-cli $version" <<<"$("$root/usr/bin/spillway-cli" --version 2>&1)"
man_page="$root/usr/share/man/man1/spillway-cli.1.gz"
if command -v man >/dev/null; then
    man_text=$(MANWIDTH=100 man -l "$man_page" 2>&1)
    check "man spillway-cli renders, with every command's options" \
        bash -c "grep -q 'COMMANDS' <<<\"\$0\" && grep -q -- '--workers' <<<\"\$0\"" "$man_text"
else
    echo "SKIP: man is not installed"
fi
check "the bash completion parses" bash -n "$root/usr/share/bash-completion/completions/spillway-cli"
check "the bundled JSON Schema is valid JSON" /usr/bin/python3 -m json.tool \
    "$root/usr/share/spillway/spillway-schema.json"

if [ "$gui" = gui ]; then
    gui_depends=$(field "$gui_deb" Depends)
    check "spillway: Package" test "$(field "$gui_deb" Package)" = spillway
    check "spillway: Version is the project's ($version)" test "$(field "$gui_deb" Version)" = "$version"
    check "spillway: depends on spillway-cli (= $version)" \
        grep -q "spillway-cli (= $version)" <<<"$gui_depends"
    check "spillway: depends on qt6-qpa-plugins" grep -q 'qt6-qpa-plugins' <<<"$gui_depends"
    check "spillway: depends on libqt6keychain1" grep -q 'libqt6keychain1' <<<"$gui_depends"
    check "spillway: links Qt Widgets (dpkg-shlibdeps)" grep -q 'libqt6widgets6' <<<"$gui_depends"
    desktop=usr/share/applications/io.spillway.Spillway.desktop
    icon=usr/share/icons/hicolor/scalable/apps/io.spillway.Spillway.svg
    metainfo=usr/share/metainfo/io.spillway.Spillway.metainfo.xml
    mime=usr/share/mime/packages/io.spillway.Spillway.xml
    for f in usr/bin/spillway usr/share/man/man1/spillway.1.gz "$desktop" "$icon" "$metainfo" \
        "$mime" usr/share/doc/spillway/copyright; do
        check "spillway: contains $f" has "$gui_deb" "./$f"
    done
    check "spillway: does not ship spillway-cli again" lacks "$gui_deb" 'usr/bin/spillway-cli'
    dpkg-deb -x "$gui_deb" "$root"
    check "desktop-file-validate accepts the desktop entry" desktop-file-validate "$root/$desktop"
    check "the desktop entry names the packaged icon" grep -qx 'Icon=io.spillway.Spillway' "$root/$desktop"
    check "the desktop entry starts spillway" grep -q '^Exec=spillway\b' "$root/$desktop"
    check "the desktop entry offers Spillway for schema files only" \
        grep -qx 'MimeType=application/x-spillway-schema+json;' "$root/$desktop"
    check "the application's desktop file name is the desktop entry's (Wayland matches them)" \
        /usr/bin/python3 -c 'import sys; sys.exit(0 if "io.spillway.Spillway".encode("utf-16-le") in open(sys.argv[1], "rb").read() else 1)' "$root/usr/bin/spillway"
    check "the schema file type is well-formed shared-mime-info XML" \
        /usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$root/$mime"
    if appstreamcli validate --no-net "$root/$metainfo" >"$work/appstream.log" 2>&1; then
        pass "appstreamcli validate --no-net accepts the metainfo"
    else
        cat "$work/appstream.log"
        fail "appstreamcli validate --no-net accepts the metainfo"
    fi
    check "the metainfo's release is the project version" \
        grep -q "<release version=\"$version\"" "$root/$metainfo"
    check "the icon is a well-formed SVG" \
        /usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(0 if r.tag.endswith("svg") else 1)' "$root/$icon"
fi

if command -v lintian >/dev/null; then
    for deb in $cli_deb $gui_deb; do
        if lintian --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1 ||
            ! grep -q '^E: ' "$work/lintian.log"; then
            pass "lintian finds no error in $(basename "$deb")"
        else
            grep '^E: ' "$work/lintian.log"
            fail "lintian finds no error in $(basename "$deb")"
        fi
    done
else
    echo "SKIP: lintian is not installed"
fi
finish
