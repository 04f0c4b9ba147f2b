#!/usr/bin/env bash
# Takes docs/screenshots/<panel>.png for every console panel during a real multi-agent download:
# an nginx origin (throttled), do-discovery with one "NAT" for the lab, two do-agents on
# 127.0.0.2/3 and the console's agent on 127.0.0.4, all in LAN mode. Agent A fetches the content
# first and seeds; then the console and agent B download it together while the console saves a
# picture of each panel (do-console --screenshots, under Xvfb); agent B shuts down midway.
# Needs: nginx-light, xvfb. Usage: docs/screenshots/take-monitoring.sh [SIZE_MIB] (default 512)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${OPENDO_BUILD:-$root/build}
size_mib=${1:-512}
doctl="$build/app/cli/doctl"
work=$(mktemp -d "${TMPDIR:-/tmp}/opendo-shots.XXXXXX")
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
port() { /usr/bin/python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "$1"; }

mkdir -p "$work/www" "$work/nginx"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/www/update.cab"
http_port=$(port 127.0.0.1)
cat > "$work/nginx/nginx.conf" <<CONF
master_process off; daemon off; worker_processes 1; pid "$work/nginx/nginx.pid";
error_log "$work/nginx/error.log";
events { worker_connections 256; }
http { access_log off; client_body_temp_path "$work/nginx/cb"; proxy_temp_path "$work/nginx/p";
  fastcgi_temp_path "$work/nginx/f"; uwsgi_temp_path "$work/nginx/u"; scgi_temp_path "$work/nginx/s";
  server { listen 127.0.0.1:$http_port; root "$work/www"; limit_rate 6m; } }
CONF
/usr/sbin/nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" & pids+=($!)
disc_port=$(port 127.0.0.1)
"$build/app/discovery/do-discovery" --listen "127.0.0.1:$disc_port" --interval 5 \
    --nat-map 127.0.0.2-127.0.0.4=203.0.113.5 > "$work/discovery.log" 2>&1 & pids+=($!)
sleep 1
url="http://127.0.0.1:$http_port/update.cab"
disc="http://127.0.0.1:$disc_port"
"$doctl" publish "$work/www/update.cab" --webseed "$url" --discovery "$disc" >/dev/null
lab=(DOMinRAMAllowedToPeer=1 DOMinDiskSizeAllowedToPeer=1 DOMinFileSizeToCache=1 DODownloadMode=1
     DOMonthlyUploadDataCap=20 DOAbsoluteMaxCacheSize=2)
for d in a b console; do
    for s in "${lab[@]}"; do "$doctl" --data-dir "$work/$d" config set "${s%%=*}" "${s#*=}" >/dev/null; done
done
# The seeds upload at most 5 MB/s each, so the pictures catch the console's download midway.
for d in a b; do "$doctl" --data-dir "$work/$d" config set DOMaxUploadBandwidth 5000 >/dev/null; done
"$build/app/agent/do-agent" --data-dir "$work/a" --listen 127.0.0.2:7680 --discovery "$disc" 2>"$work/a.log" & pids+=($!)
"$build/app/agent/do-agent" --data-dir "$work/b" --listen 127.0.0.3:7680 --discovery "$disc" 2>"$work/b.log" & pids+=($!)
agent_b=$!
sleep 1
echo "agent A fetches $size_mib MiB from the origin (throttled) and seeds it…"
"$doctl" --data-dir "$work/a" download "$url" >/dev/null

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    "$1" --data-dir "$2" --listen 127.0.0.4:7680 --discovery "$3" --screenshots "$4" \
         --screenshots-after 12 &
    console=$!
    sleep 3
    # The console and agent B download together: peers and the origin in every chart.
    "$5" --data-dir "$2" download "$6" --out "$2/update.cab" >/dev/null &
    "$5" --data-dir "$7" download "$6" >/dev/null &
    # Device B shuts down midway: the Peers panel lists its connection under Ended connections.
    sleep 6
    kill -TERM "$8"
    wait $console
' _ "$build/app/console/do-console" "$work/console" "$disc" "$root/docs/screenshots" \
    "$doctl" "$url" "$work/b" "$agent_b"
# The demo panel is pictured mid-demo by take-demo.sh and the agent settings by
# take-agent-settings.sh; their pictures from this run are not kept.
rm -f "$root/docs/screenshots/demo.png" "$root/docs/screenshots/settings.png"
echo "wrote $(ls "$root"/docs/screenshots/*.png | wc -l) pictures to docs/screenshots/"
