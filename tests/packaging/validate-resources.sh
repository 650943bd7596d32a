#!/usr/bin/env bash
# Validates the desktop integration files: the launcher, the AppStream metadata, the MIME type
# and the icon. Exit 77 (skipped) only when none of the validators is installed.
set -uo pipefail
res="${1:?usage: validate-resources.sh RESOURCES_DIR}"
failed=0
ran=0

check() {
    local what="$1"
    shift
    ran=$((ran + 1))
    local out
    if ! out="$("$@" 2>&1)"; then
        echo "FAIL: $what"
        echo "$out"
        failed=1
    elif [ -n "$out" ] && [ "$what" = "desktop file" ]; then
        # desktop-file-validate exits 0 on hints and warnings too; treat any output as a failure.
        echo "FAIL: $what"
        echo "$out"
        failed=1
    else
        echo "ok: $what"
    fi
}

if command -v desktop-file-validate >/dev/null; then
    check "desktop file" desktop-file-validate "$res/syscope.desktop"
fi
if command -v appstreamcli >/dev/null; then
    check "AppStream metainfo" appstreamcli validate --no-net --pedantic \
        "$res/io.github.syscope.metainfo.xml"
fi
if command -v xmllint >/dev/null; then
    check "MIME type XML" xmllint --noout "$res/syscope-mime.xml"
    check "icon SVG" xmllint --noout "$res/icons/syscope.svg"
fi
# The desktop file's icon name and the metainfo's launchable must match what is installed.
grep -qx 'Icon=syscope' "$res/syscope.desktop" || { echo "FAIL: desktop Icon is not syscope"; failed=1; }
grep -q '<launchable type="desktop-id">syscope.desktop</launchable>' \
    "$res/io.github.syscope.metainfo.xml" || { echo "FAIL: launchable is not syscope.desktop"; failed=1; }
for size in 48 128 256; do
    png="$res/icons/png/syscope-$size.png"
    if ! file "$png" | grep -q "PNG image data, $size x $size"; then
        echo "FAIL: $png is not a ${size}x${size} PNG"
        failed=1
    fi
done

if [ "$ran" -eq 0 ]; then
    echo "no validator installed (desktop-file-utils, appstream, libxml2-utils)"
    exit 77
fi
exit "$failed"
