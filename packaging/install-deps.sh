#!/usr/bin/env bash
# Installs the Debian 12 packages syscope needs to build, test and run. Idempotent: packages that
# are already installed are not touched, and apt is not called at all when nothing is missing.
set -euo pipefail

packages=(
    build-essential cmake pkg-config git
    clang libclang-rt-14-dev clang-format
    qt6-base-dev qt6-svg-dev libqcustomplot-dev libgl-dev
    libelf-dev
    strace gdb file binutils
    xvfb xauth
    appstream desktop-file-utils
    dpkg-dev librsvg2-bin
    qt6-wayland
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
