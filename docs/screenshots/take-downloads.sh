#!/usr/bin/env bash
# Takes docs/screenshots/downloads.png: the console's downloads panel with a finished metainfo
# download, a finished plain-URL download and one in progress under a bandwidth policy.
# Usage: docs/screenshots/take-downloads.sh ORIGIN_URL_DIR  (an HTTP folder with file.bin and
# big.bin, e.g. http://127.0.0.1:18080)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
origin=${1:?origin URL folder}
data=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$data" "$work"' EXIT
doctl="$root/build/app/cli/doctl"
curl -s -o "$work/file.bin" "$origin/file.bin"
"$doctl" create-metainfo "$work/file.bin" --webseed "$origin/file.bin" -o "$work/file.torrent" >/dev/null
"$doctl" --data-dir "$data" download "$work/file.torrent" --out "$work/out1.bin" >/dev/null
"$doctl" --data-dir "$data" download "$origin/file.bin" --out "$work/out2.bin" >/dev/null
"$doctl" --data-dir "$data" config set DOMaxForegroundDownloadBandwidth 8192 --policy >/dev/null
# Leave a download unfinished: the console's agent picks it up and carries on.
timeout -s KILL 2 "$doctl" --data-dir "$data" download "$origin/big.bin" --out "$work/big.bin" >/dev/null || true
xvfb-run -a -s "-screen 0 1400x700x24" bash -c '
    "$1" --data-dir "$2" --panel downloads &
    pid=$!
    sleep 4
    import -window root "$3"
    kill $pid
' _ "$root/build/app/console/do-console" "$data" "$root/docs/screenshots/downloads.png"
echo "wrote $root/docs/screenshots/downloads.png"
