#!/usr/bin/env bash
# Takes docs/screenshots/policy-editor*.png: the console under Xvfb on a scratch data directory
# with a few settings from policy and local layers, a setting selected and a preset staged.
# Needs: xvfb, xdotool, imagemagick (import). Usage: docs/screenshots/take-policy-editor.sh [LANG]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lang=${1:-en}
out="$root/docs/screenshots/policy-editor${lang/#en/}.png"
[ "$lang" = en ] || out="$root/docs/screenshots/policy-editor-$lang.png"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
build=${OPENDO_BUILD:-$root/build}
doctl="$build/app/cli/doctl"
"$doctl" --data-dir "$data" config set DODownloadMode 2 --policy >/dev/null
"$doctl" --data-dir "$data" config set DOGroupId 3b0e2f9a-4c1d-4e8b-9a7f-2d6c5e4b3a21 --policy >/dev/null
"$doctl" --data-dir "$data" config set DOMaxCacheSize 30 >/dev/null
"$doctl" --data-dir "$data" config set DOMonthlyUploadDataCap 50 --policy >/dev/null

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    "$1" --data-dir "$2" --lang "$3" --panel policy &
    pid=$!
    for _ in $(seq 50); do xdotool search --name "OpenDO" >/dev/null 2>&1 && break; sleep 0.2; done
    sleep 1.5
    win=$(xdotool search --name "OpenDO" | head -1)
    xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900
    sleep 0.5
    # Filter for the cache settings, step into the tree and select "DOMaxCacheSize".
    xdotool windowfocus "$win"; sleep 0.3
    xdotool key ctrl+f; xdotool type --delay 40 "cache"; sleep 0.3
    xdotool key Tab Tab Tab Tab Tab Tab Tab; sleep 0.2
    xdotool key Down Down Down; sleep 0.3
    xdotool key Return; sleep 0.2
    xdotool key ctrl+a; xdotool type --delay 40 "25"; xdotool key Return; sleep 0.5
    import -window root "$4"
    kill $pid
' _ "$build/app/console/do-console" "$data" "$lang" "$out"
echo "wrote $out"
