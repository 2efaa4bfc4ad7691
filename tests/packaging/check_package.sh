#!/usr/bin/env bash
# Builds Spillway's Debian package in a build folder and checks it: metadata (dpkg-deb -I),
# contents (dpkg-deb -c), the desktop entry (desktop-file-validate), the AppStream metadata
# (appstreamcli validate --no-net), and that the packaged spillway-cli runs.
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
    fail "cpack -G DEB builds the package"
    finish
fi
pass "cpack -G DEB builds the package"
deb=$(ls "$work"/out/spillway_*.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
    fail "a spillway_VERSION_ARCH.deb is made"
    finish
fi
pass "a spillway_VERSION_ARCH.deb is made: $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
field() { printf '%s\n' "$info" | sed -n "s/^ $1: //p"; }
version=$(sed -n 's/^project(Spillway VERSION \([0-9.]*\).*/\1/p' "$(dirname "$0")/../../CMakeLists.txt")
check "Package is spillway" test "$(field Package)" = spillway
check "Version is the project's ($version)" test "$(field Version)" = "$version"
check "Maintainer is set" test -n "$(field Maintainer)"
check "Description is set" test -n "$(field Description)"
check "Depends found by dpkg-shlibdeps (Qt 6 Core)" grep -q 'libqt6core6' <<<"$(field Depends)"
check "Depends found by dpkg-shlibdeps (libpqxx)" grep -q 'libpqxx' <<<"$(field Depends)"
check "Recommends postgresql-15 | postgresql" \
    test "$(field Recommends)" = "postgresql-15 | postgresql"

contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
has() { grep -qx "$1" <<<"$contents"; }
check "contains usr/bin/spillway-cli" has ./usr/bin/spillway-cli
if [ "$gui" = gui ]; then
    check "contains usr/bin/spillway (the desktop application)" has ./usr/bin/spillway
    check "the desktop application links Qt Widgets" grep -q 'libqt6widgets6' <<<"$(field Depends)"
else
    echo "SKIP: usr/bin/spillway (the desktop application is not built in this tree)"
fi
desktop=usr/share/applications/io.spillway.Spillway.desktop
icon=usr/share/icons/hicolor/scalable/apps/io.spillway.Spillway.svg
metainfo=usr/share/metainfo/io.spillway.Spillway.metainfo.xml
check "contains $desktop" has "./$desktop"
check "contains $icon" has "./$icon"
check "contains $metainfo" has "./$metainfo"
check "nothing installed under usr/local" bash -c "! grep -q '^./usr/local' <<<'$contents'"
check "no static libraries or headers shipped" \
    bash -c "! grep -Eq '\\.(a|h)\$' <<<'$contents'"

root="$work/root"
dpkg-deb -x "$deb" "$root"
check "desktop-file-validate accepts the desktop entry" desktop-file-validate "$root/$desktop"
check "the desktop entry names the packaged icon" grep -qx 'Icon=io.spillway.Spillway' "$root/$desktop"
check "the desktop entry starts spillway" grep -q '^Exec=spillway\b' "$root/$desktop"
if appstreamcli validate --no-net "$root/$metainfo" >"$work/appstream.log" 2>&1; then
    pass "appstreamcli validate --no-net accepts the metainfo"
else
    cat "$work/appstream.log"
    fail "appstreamcli validate --no-net accepts the metainfo"
fi
check "the metainfo's release is the project version" \
    grep -q "<release version=\"$version\"" "$root/$metainfo"
check "the metainfo launches the desktop entry" \
    grep -q '<launchable type="desktop-id">io.spillway.Spillway.desktop</launchable>' "$root/$metainfo"
check "the icon is a well-formed SVG" \
    /usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(0 if r.tag.endswith("svg") else 1)' "$root/$icon"
check "the packaged spillway-cli runs and reports the version" \
    grep -qx "spillway-cli $version" <<<"$("$root/usr/bin/spillway-cli" --version 2>&1)"
finish
