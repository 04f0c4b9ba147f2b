#!/usr/bin/env bash
# OpenDO set-up for Debian 12: installs what the build, the tests and the console need (apt),
# builds into build/, then runs the console or the tests. Safe to run again at any time.
#
#   installer/setup.sh console [do-console options]   build and open the console
#   installer/setup.sh test                            build and run every test (CTest)
#   installer/setup.sh build                           install dependencies and build only
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-console}
[ $# -gt 0 ] && shift

# Build: compiler, CMake, Qt 6 (Widgets, Network, Sql+SQLite, Test, Linguist), QCustomPlot,
# OpenSSL (piece hashing). Run: fonts. Tests and screenshots: Xvfb, ImageMagick, xdotool;
# real peers and servers in tests: nginx (origin), tinyproxy (proxy), libtorrent (a foreign
# BitTorrent implementation), unshare (a private tmpfs that fills up; a network namespace
# with its own nftables rules, loaded by nft and iproute2's ip). Benchmarks (bench/):
# curl and GNU time (the HTTP baseline and peak RSS), opentracker (the tracker baseline).
# Only real packages: dpkg-query does not know virtual ones, which would reinstall every run.
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqcustomplot-dev libssl-dev
    fonts-dejavu-core xvfb xauth imagemagick xdotool
    nginx-light tinyproxy python3-libtorrent util-linux nftables iproute2
    curl time opentracker
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "setup: installing packages needs root; run as root or install sudo" >&2
        exit 1
    fi
}

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "setup: installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}"
    fi
}

build() {
    # Release: CI builds everything on 2 cores; debug info would double the compile time.
    cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
        -DOPENDO_WERROR=ON
    cmake --build "$root/build" -j2
}

install_packages
build

case "$mode" in
console)
    console="$root/build/app/console/do-console"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "setup: no display found; running the console on a virtual X server (xvfb-run)"
        exec xvfb-run -a -s "-screen 0 1400x900x24" "$console" "$@"
    fi
    exec "$console" "$@"
    ;;
test)
    cd "$root/build"
    # Everything the tests need was installed above: a test may not pass by skipping.
    # Three at once on two cores: most tests wait on sockets, timers and disks, and the run
    # took 113 s this way against 179 s with two (81 tests, all passing either way).
    OPENDO_REQUIRE_TOOLS=1 exec ctest --output-on-failure -j3 --timeout 600
    ;;
build) ;;
*)
    echo "usage: installer/setup.sh console|test|build" >&2
    exit 2
    ;;
esac
