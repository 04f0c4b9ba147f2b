#!/usr/bin/env bash
# Takes docs/screenshots/wizard-*.png: the troubleshooting wizards' result and summary pages
# and the troubleshooting panel, as the wizard tests leave them (real in-process agents).
# Builds nothing: build the tests first, e.g.
#   cmake --build build --target test_no_peer_bytes_wizard test_peer_connection_wizard \
#       test_policy_wizards
# Needs xvfb (falls back to Qt's offscreen platform). Usage: OPENDO_BUILD=DIR take-wizards.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${OPENDO_BUILD:-$root/build}
out="$root/docs/screenshots"
tests=(test_no_peer_bytes_wizard test_peer_connection_wizard test_policy_wizards)
for t in "${tests[@]}"; do
    bin=$(find "$build/tests" -type f -name "$t" -perm -u+x | head -n 1)
    if [[ -z "$bin" ]]; then
        echo "$t is not built in $build" >&2
        exit 1
    fi
    echo "running $t…"
    if command -v xvfb-run >/dev/null; then
        OPENDO_SCREENSHOT_DIR="$out" OPENDO_BINARY_DIR="$build" QT_QPA_PLATFORM=xcb \
            xvfb-run -a -s "-screen 0 1400x900x24" "$bin" >/dev/null
    else
        OPENDO_SCREENSHOT_DIR="$out" OPENDO_BINARY_DIR="$build" QT_QPA_PLATFORM=offscreen \
            "$bin" >/dev/null
    fi
done
echo "wrote: $(cd "$out" && ls wizard-*.png | tr '\n' ' ')"
