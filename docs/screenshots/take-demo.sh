#!/usr/bin/env bash
# Takes docs/screenshots/peer-savings-demo.png: the console under Xvfb on the demo panel, Start
# pressed with the defaults (4 devices, 64 MiB, 1.5 s apart), the screen grabbed once it is done.
# Needs: xvfb, xdotool, imagemagick. Usage: docs/screenshots/take-demo.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${OPENDO_BUILD:-$root/build}
work=$(mktemp -d "${TMPDIR:-/tmp}/opendo-demo-shot.XXXXXX")
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x860x24" bash -c '
    "$1" --data-dir "$2" --panel demo >/dev/null 2>&1 &
    console=$!
    sleep 4
    window=$(xdotool search --name OpenDO | head -1)
    xdotool windowsize "$window" 1280 860
    sleep 1
    xdotool mousemove 242 160 click 1 # "Start demo"
    sleep 14
    import -window root "$3"
    kill $console
' _ "$build/app/console/do-console" "$work/console" "$root/docs/screenshots/peer-savings-demo.png"
echo "wrote docs/screenshots/peer-savings-demo.png"
