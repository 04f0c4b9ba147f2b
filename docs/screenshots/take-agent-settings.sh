#!/usr/bin/env bash
# Takes docs/screenshots/agent-settings.png: the console's Agent settings panel under Xvfb on a
# scratch data directory with static peers, a discovery URL, an AD site, lease folders and a
# local discovery port set.
# Needs: xvfb. Usage: docs/screenshots/take-agent-settings.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$(mktemp -d)
shots=$(mktemp -d)
trap 'rm -rf "$data" "$shots"' EXIT
build=${OPENDO_BUILD:-$root/build}
doctl="$build/app/cli/doctl"
"$doctl" --data-dir "$data" config set StaticPeers 127.0.0.2:7680,127.0.0.3:7680 >/dev/null
"$doctl" --data-dir "$data" config set DiscoveryUrl http://127.0.0.1:7681 >/dev/null
"$doctl" --data-dir "$data" config set AdSite Berlin-HQ >/dev/null
"$doctl" --data-dir "$data" config set DhcpLeaseFolders /var/lib/dhcp,/var/lib/dhcpcd >/dev/null
"$doctl" --data-dir "$data" config set LocalDiscoveryPort 15353 >/dev/null
xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/console/do-console" --data-dir "$data" \
    --listen 127.0.0.1:0 --panel settings --screenshots "$shots" --screenshots-after 3
cp "$shots/settings.png" "$root/docs/screenshots/agent-settings.png"
echo "wrote $root/docs/screenshots/agent-settings.png"
