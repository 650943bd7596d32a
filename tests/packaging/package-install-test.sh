#!/usr/bin/env bash
# Builds the .deb with CPack, installs it with apt, runs the installed programs from /usr/bin,
# and removes the package again (also when a step fails).
#   package-install-test.sh BUILD_DIR VERSION enabled|disabled
# Runs only when enabled by the CMake option SYSCOPE_PACKAGE_TEST=ON, the environment variable
# SYSCOPE_PACKAGE_TEST=1 or in CI (CI=true); otherwise exits 77, which CTest reports as skipped.
set -euo pipefail

build="${1:?build directory}"
version="${2:?version}"
mode="${3:-disabled}"

case "${SYSCOPE_PACKAGE_TEST:-}" in
1 | ON | on | yes | true) mode=enabled ;;
esac
[ "${CI:-}" = true ] && mode=enabled
if [ "$mode" != enabled ]; then
    echo "package test not enabled (needs root and apt; enable with SYSCOPE_PACKAGE_TEST=1 or"
    echo "  cmake -DSYSCOPE_PACKAGE_TEST=ON, then: ctest -L package)"
    exit 77
fi

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "== $*"; }

[ "$(id -u)" -eq 0 ] || fail "the package test must run as root (it installs a package)"
for tool in cpack dpkg-deb apt-get dpkg-query dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (run packaging/install-deps.sh)"
done
[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake is missing: configure first"

# Leftover from an interrupted earlier run of this test: same package, same version.
installed="$(dpkg-query -W -f='${Status} ${Version}' syscope 2>/dev/null || true)"
if [[ "$installed" == "install ok installed"* ]]; then
    if [ "$installed" = "install ok installed $version" ]; then
        echo "removing syscope $version left installed by an earlier run"
        apt-get remove -y -qq -o DPkg::Lock::Timeout=300 syscope >/dev/null
    else
        fail "a different syscope package is installed ($installed); remove it first"
    fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/syscope-package-test.XXXXXX")"
chmod 755 "$work" # apt's sandbox user (_apt) must be able to read the .deb
installed_by_us=0
cleanup() {
    local rc=$?
    if [ "$installed_by_us" -eq 1 ]; then
        step "removing the package"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 syscope \
            >/dev/null || rc=1
        if [ -e /usr/bin/syscope-cli ]; then
            echo "FAIL: /usr/bin/syscope-cli is still there after removing the package" >&2
            rc=1
        fi
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "building the package"
(cd "$build" && cpack -G DEB -B "$work/out" --config "$build/CPackConfig.cmake") >"$work/cpack.log" 2>&1 ||
    {
        cat "$work/cpack.log"
        fail "cpack failed"
    }
debs=("$work"/out/syscope_*.deb)
[ -f "${debs[0]}" ] || fail "no syscope_*.deb in $work/out ($(ls "$work/out"))"
[ "${#debs[@]}" -eq 1 ] || fail "more than one package: ${debs[*]}"
deb="${debs[0]}"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

step "checking the package's metadata and contents"
info="$(dpkg-deb -I "$deb")"
echo "$info" | grep -E '^ (Package|Version|Section|Depends|Maintainer):'
echo "$info" | grep -q "^ Package: syscope$" || fail "package name is not syscope"
echo "$info" | grep -q "^ Version: $version$" || fail "version is not $version"
depends="$(echo "$info" | sed -n 's/^ Depends: //p')"
[[ "$depends" == *libc6* ]] || fail "Depends does not name libc6 (shlibdeps did not run?): '$depends'"
contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
expect_files=(
    ./usr/bin/syscope-cli
    ./usr/bin/syscope-demo
    ./usr/share/applications/syscope.desktop
    ./usr/share/metainfo/io.github.syscope.metainfo.xml
    ./usr/share/mime/packages/syscope.xml
    ./usr/share/icons/hicolor/scalable/apps/syscope.svg
    ./usr/share/icons/hicolor/48x48/apps/syscope.png
    ./usr/share/icons/hicolor/128x128/apps/syscope.png
    ./usr/share/icons/hicolor/256x256/apps/syscope.png
    ./usr/share/man/man1/syscope.1.gz
    ./usr/share/man/man1/syscope-cli.1.gz
    ./usr/share/man/man1/syscope-demo.1.gz
    ./usr/share/doc/syscope/copyright
)
gui=0
if [ -x "$build/app/gui/syscope" ]; then
    gui=1
    expect_files+=(./usr/bin/syscope)
    [[ "$depends" == *libqt6widgets6* ]] || fail "Depends lacks libqt6widgets6: '$depends'"
fi
for f in "${expect_files[@]}"; do
    grep -qx -- "$f" <<<"$contents" || fail "$f is not in the package"
done
if grep -q '^./usr/local/' <<<"$contents"; then
    fail "the package installs under /usr/local"
fi

step "installing with apt"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$deb" \
    >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log"
    fail "apt-get install $deb failed"
}
installed_by_us=1
dpkg-query -W -f='${Status}\n' syscope | grep -q "install ok installed" || fail "not installed"

step "running the installed programs"
cd "$work"
out="$(/usr/bin/syscope-cli --version)" || fail "syscope-cli --version failed"
echo "$out"
[[ "$out" == *"$version"* ]] || fail "syscope-cli --version does not print $version: $out"
/usr/bin/syscope-demo --version | grep -q "$version" || fail "syscope-demo --version"
TMPDIR="$work" /usr/bin/syscope-demo --quick >/dev/null || fail "syscope-demo --quick failed"

trace="$work/x.syscope"
/usr/bin/syscope-cli record -o "$trace" -- /bin/true || fail "syscope-cli record -- /bin/true failed"
[ -s "$trace" ] || fail "record wrote no trace file"
/usr/bin/syscope-cli stats "$trace" >"$work/stats.txt" || fail "syscope-cli stats failed"
grep -q execve "$work/stats.txt" || fail "the stats of /bin/true do not mention execve"
echo "recorded /bin/true: $(wc -c <"$trace") bytes"

if [ "$gui" -eq 1 ]; then
    [ -x /usr/bin/syscope ] || fail "/usr/bin/syscope was not installed"
    QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/syscope --screenshot "$work/shot.png" "$trace" ||
        fail "syscope --screenshot failed"
    file "$work/shot.png" | grep -q "PNG image data" || fail "the screenshot is not a PNG"
    echo "screenshot: $(file -b "$work/shot.png")"
fi

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/syscope.desktop || fail "installed desktop file"
fi
grep -q "^License: GPL-3.0-or-later" /usr/share/doc/syscope/copyright ||
    fail "the installed copyright file does not name the license"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/io.github.syscope.metainfo.xml >/dev/null ||
        fail "installed metainfo"
fi
# (Docker-style images may exclude /usr/share/man from installation; check only what is there.)
for page in syscope syscope-cli syscope-demo; do
    f="/usr/share/man/man1/$page.1.gz"
    if [ -f "$f" ] && command -v man >/dev/null; then
        MANWIDTH=80 man -l "$f" >/dev/null 2>&1 || fail "man page $f does not render"
    fi
done
echo "package test passed"
