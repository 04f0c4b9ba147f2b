#!/usr/bin/python3
# A small libtorrent (python3-libtorrent, Debian's /usr/bin/python3) peer driven by the interop
# and discovery tests and the peer throughput bench: a standard BitTorrent client on a loopback
# address.
#
#   lt_peer.py seed     --torrent T --dir D --listen ADDR:PORT [--connect ADDR:PORT]…
#                       [--tracker URL]… [--timeout S]
#   lt_peer.py download --torrent T --dir D --listen ADDR:PORT [--connect ADDR:PORT]…
#                       [--tracker URL]… [--timeout S]   (at least one --connect or --tracker)
#   lt_peer.py strip    --torrent T -o OUT      (the same torrent without web seeds; same info hash)
#
# seed: checks D/<name>, prints "ready" once listening and seeding; runs until SIGTERM/SIGINT or
# the timeout; prints "uploaded N" on the way out.
# download: no web seeds; dials --connect (again every few seconds until a peer is connected),
# prints "progress …" lines, and "done …" once every piece passed libtorrent's hash check and
# the file is fdatasync'ed ("done SECONDS s …", from the start or from --go-file). Exit 0 on
# success, 1 on timeout, 2 on a setup error.
# --tracker: the torrent announces to these URLs only (whatever announce list the file has is
# replaced), as a standard client in Internet mode does; DHT, LSD, UPnP and NAT-PMP stay off, so
# the tracker is the only way peers are found besides --connect.
# Every line on stdout is flushed at once; alerts worth knowing (peer errors, disconnects, hash
# failures, protocol complaints) are printed as "alert <type>: <message>".
# download also prints "report {JSON}" when it finishes, times out or stops: what the trackers
# answered and every peer seen, for tests to check where the bytes came from:
#   {"downloaded": N, "tracker_replies": [{"url", "peers", "hash": "v1"|"v2"}],
#    "tracker_errors": [text],
#    "tracker_peer_ips": [ip], "peers": {"ip:port": {"source": [...], "direction", "client",
#    "downloaded", "uploaded"}}}
# tracker_peer_ips comes from libtorrent's torrent log (the addresses a tracker reply added);
# a peer's "source" says how libtorrent learned of it ("tracker" = from an announce reply).

import argparse
import json
import os
import signal
import sys
import time

import libtorrent as lt

stop_requested = False


def on_signal(_number, _frame):
    global stop_requested
    stop_requested = True


def say(*parts):
    print(*parts, flush=True)


def endpoint(text):
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"not ADDR:PORT: {text}")
    return host.strip("[]"), int(port)


def load_torrent(path):
    """The torrent without web seeds (url-list, httpseeds): peers only. The info dict is left
    untouched, so the info hash stays the same."""
    with open(path, "rb") as f:
        decoded = lt.bdecode(f.read())
    if not isinstance(decoded, dict) or b"info" not in decoded:
        raise SystemExit(f"lt_peer: {path} is not a torrent")
    decoded.pop(b"url-list", None)
    decoded.pop(b"httpseeds", None)
    return decoded


def make_session(listen, verbose, encryption, utp=False, trackers=False, keep=False,
                 min_announce_interval=None):
    host, port = listen
    mask = (lt.alert.category_t.error_notification | lt.alert.category_t.peer_notification
            | lt.alert.category_t.status_notification | lt.alert.category_t.storage_notification
            | lt.alert.category_t.performance_warning | lt.alert.category_t.connect_notification)
    if trackers:
        # tracker_reply_alert and friends; the torrent log names the peers a reply added.
        mask |= lt.alert.category_t.tracker_notification | lt.alert.category_t.torrent_log_notification
    if verbose:
        mask |= lt.alert.category_t.peer_log_notification | lt.alert.category_t.torrent_log_notification
    settings = {
        "listen_interfaces": f"{host}:{port}",
        # Outgoing connections come from our own loopback address, as the agents' do.
        "outgoing_interfaces": host,
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        # The agents speak TCP only; libtorrent's default would try uTP first and fall back.
        "enable_outgoing_utp": utp,
        "enable_incoming_utp": utp,
        "enable_outgoing_tcp": True,
        "enable_incoming_tcp": True,
        "allow_multiple_connections_per_ip": True,
        "alert_mask": int(mask),
        "alert_queue_size": 10000,
        # Off: a finished download drops its connections to seeds, so the other side could no
        # longer be asked about the connection it served.
        "close_redundant_connections": not keep,
    }
    if min_announce_interval is not None:
        # libtorrent announces at most every 5 minutes whatever the tracker asks; a lab tracker
        # that asks for 1 s and forgets peers after 2 s needs the floor lowered.
        settings["min_announce_interval"] = min_announce_interval
    if encryption == "disabled":
        settings["out_enc_policy"] = int(lt.enc_policy.pe_disabled)
        settings["in_enc_policy"] = int(lt.enc_policy.pe_disabled)
    elif encryption == "forced":
        settings["out_enc_policy"] = int(lt.enc_policy.pe_forced)
        settings["in_enc_policy"] = int(lt.enc_policy.pe_forced)
    return lt.session(settings)


def wait_listening(ses, deadline):
    """Until a listen_succeeded_alert for TCP (or a failure)."""
    while time.monotonic() < deadline:
        ses.wait_for_alert(200)
        for a in ses.pop_alerts():
            if isinstance(a, lt.listen_succeeded_alert):
                if a.socket_type == lt.socket_type_t.tcp:
                    return True
            elif isinstance(a, lt.listen_failed_alert):
                say(f"error listen failed: {a.message()}")
                return False
    return ses.is_listening()


class AlertPrinter:
    interesting = (
        "peer_connect_alert", "peer_disconnected_alert", "peer_error_alert", "peer_ban_alert",
        "peer_snubbed_alert", "peer_unsnubbed_alert", "invalid_request_alert", "hash_failed_alert",
        "torrent_error_alert", "file_error_alert", "performance_alert", "incoming_connection_alert",
        "torrent_finished_alert", "fastresume_rejected_alert", "peer_blocked_alert",
        "tracker_reply_alert", "tracker_error_alert", "tracker_warning_alert",
    )

    def __init__(self, verbose, ledger=None):
        self.verbose = verbose
        self.ledger = ledger
        self.hash_failures = 0
        self.finished = False
        self.counts = {}

    def handle(self, alerts):
        for a in alerts:
            name = type(a).__name__
            self.counts[name] = self.counts.get(name, 0) + 1
            if self.ledger:
                self.ledger.on_alert(a)
            if isinstance(a, lt.hash_failed_alert):
                self.hash_failures += 1
            if isinstance(a, lt.torrent_finished_alert):
                self.finished = True
            if self.verbose or name in self.interesting:
                say(f"alert {name}: {a.message()}")


def client_name(p):
    return p.client.decode("utf-8", "replace") if isinstance(p.client, bytes) else str(p.client)


def peer_summary(handle, known):
    """Prints each newly connected peer once: address, client, and how it talks to us."""
    for p in connected_peers(handle):
        key = (p.ip[0], p.ip[1])
        if key in known:
            continue
        known.add(key)
        flags = []
        if p.flags & lt.peer_info.rc4_encrypted:
            flags.append("rc4")
        if p.flags & lt.peer_info.plaintext_encrypted:
            flags.append("pe-plaintext")
        if p.flags & lt.peer_info.seed:
            flags.append("seed")
        if p.flags & lt.peer_info.supports_extensions:
            flags.append("ext")
        if p.flags & getattr(lt.peer_info, "supports_fast", 0):
            flags.append("fast")
        direction = "out" if p.flags & lt.peer_info.local_connection else "in"
        say(f"peer {p.ip[0]}:{p.ip[1]} {direction} client={client_name(p)!r} flags={','.join(flags) or '-'}")


PEER_SOURCES = (("tracker", "tracker"), ("dht", "dht"), ("pex", "pex"), ("lsd", "lsd"),
                ("resume_data", "resume_data"), ("incoming", "incoming"))


class Ledger:
    """What the report says: tracker replies, and every peer ever connected with the most it
    sent or took. Peers are sampled while connected; a dropped peer keeps its last figures."""

    def __init__(self):
        self.tracker_replies = []
        self.tracker_errors = []
        self.tracker_peer_ips = []
        self.peers = {}

    def on_alert(self, a):
        if isinstance(a, lt.tracker_reply_alert):
            # A hybrid torrent announces its v1 and its (truncated) v2 info hash separately.
            version = str(getattr(a, "version", "")).rpartition(".")[2].lower()
            self.tracker_replies.append({"url": a.tracker_url(), "peers": a.num_peers,
                                         "hash": version})
        elif isinstance(a, (lt.tracker_error_alert, lt.tracker_warning_alert)):
            self.tracker_errors.append(a.message())
        elif isinstance(a, lt.torrent_log_alert):
            # libtorrent 2.0 logs "tracker add_peer() [ ADDR ] connect-candidates: N" for each
            # peer of an announce reply; the alerts carry only a count.
            text = a.log_message() if hasattr(a, "log_message") else a.message()
            marker = "tracker add_peer() [ "
            at = text.find(marker)
            if at >= 0:
                address = text[at + len(marker):].split(" ", 1)[0]
                if address not in self.tracker_peer_ips:
                    self.tracker_peer_ips.append(address)

    def sample(self, handle):
        for p in handle.get_peer_info():
            key = f"{p.ip[0]}:{p.ip[1]}"
            row = self.peers.setdefault(key, {"source": [], "direction": "", "client": "",
                                              "downloaded": 0, "uploaded": 0})
            for flag, name in PEER_SOURCES:
                if p.source & getattr(lt.peer_info, flag, 0) and name not in row["source"]:
                    row["source"].append(name)
            row["direction"] = "out" if p.flags & lt.peer_info.local_connection else "in"
            row["client"] = client_name(p) or row["client"]
            row["downloaded"] = max(row["downloaded"], p.total_download)
            row["uploaded"] = max(row["uploaded"], p.total_upload)

    def report(self, handle):
        self.sample(handle)
        st = handle.status()
        say("report " + json.dumps({
            "downloaded": st.total_payload_download,
            "tracker_replies": self.tracker_replies,
            "tracker_errors": self.tracker_errors,
            "tracker_peer_ips": self.tracker_peer_ips,
            "peers": self.peers,
        }, sort_keys=True))


def connected_peers(handle):
    return [p for p in handle.get_peer_info() if not (p.flags & lt.peer_info.connecting)
            and not (p.flags & lt.peer_info.handshake)]


class Dialer:
    """Dials every --connect endpoint that has no connection, at most every 3 s and 100 times
    in all: the peer may not listen yet, or may have dropped us."""

    def __init__(self, handle, endpoints):
        self.handle = handle
        self.endpoints = endpoints or []
        self.dials = 0
        self.last = 0.0

    def tick(self):
        if not self.endpoints or self.dials >= 100 or time.monotonic() - self.last < 3:
            return
        up = {(p.ip[0], p.ip[1]) for p in connected_peers(self.handle)}
        for target in self.endpoints:
            if target not in up and self.dials < 100:
                self.handle.connect_peer(target)
                self.dials += 1
                self.last = time.monotonic()


def info_hash_text(ti):
    hashes = ti.info_hashes()
    return str(hashes.v1) if hashes.has_v1() else str(hashes.v2)


def add(ses, torrent, directory, flags=0, trackers=None):
    if trackers is not None:
        # Only the trackers asked for: an announce list in the file would be dialled too.
        torrent.pop(b"announce", None)
        torrent.pop(b"announce-list", None)
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
    params.save_path = directory
    params.flags = (lt.torrent_flags.default_flags & ~lt.torrent_flags.auto_managed
                    & ~lt.torrent_flags.paused) | flags
    params.url_seeds = []
    params.trackers = list(trackers or [])
    return ses.add_torrent(params)


def sync_files(handle, directory):
    ti = handle.torrent_file()
    fs = ti.files()
    for i in range(fs.num_files()):
        if fs.pad_file_at(i) if hasattr(fs, "pad_file_at") else False:
            continue
        path = os.path.join(directory, fs.file_path(i))
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fdatasync(fd)
        finally:
            os.close(fd)


def run_seed(args):
    deadline = time.monotonic() + args.timeout
    ses = make_session(args.listen, args.verbose, args.encryption, args.utp, bool(args.tracker),
                       args.keep_connections, args.min_announce_interval)
    if not wait_listening(ses, time.monotonic() + 10):
        return 2
    printer = AlertPrinter(args.verbose)
    flags = lt.torrent_flags.seed_mode if args.seed_mode else 0
    handle = add(ses, load_torrent(args.torrent), args.dir, flags, args.tracker)
    # Checking, then seeding; anything else means the data is not there.
    checked = False
    while True:
        if time.monotonic() > deadline or stop_requested:
            say("error: still checking at the deadline")
            return 1
        ses.wait_for_alert(200)
        alerts = ses.pop_alerts()
        printer.handle(alerts)
        checked = checked or any(isinstance(a, lt.torrent_checked_alert) for a in alerts)
        st = handle.status()
        if st.errc.value() != 0:
            say(f"error: torrent error: {st.errc.message()}")
            return 2
        if st.state == lt.torrent_status.seeding:
            break
        if checked:
            say(f"error: {os.path.join(args.dir, handle.torrent_file().name())} does not match "
                f"the torrent ({st.progress * 100:.1f} % verified)")
            return 2
    say(f"ready {args.listen[0]}:{ses.listen_port()} info_hash={info_hash_text(handle.torrent_file())}")
    known = set()
    dialer = Dialer(handle, args.connect)
    while not stop_requested and time.monotonic() < deadline:
        ses.wait_for_alert(250)
        printer.handle(ses.pop_alerts())
        peer_summary(handle, known)
        dialer.tick()
    st = handle.status()
    say(f"uploaded {st.total_payload_upload} bytes")
    return 0


def run_download(args):
    started = time.monotonic()
    deadline = started + args.timeout
    ses = make_session(args.listen, args.verbose, args.encryption, args.utp, bool(args.tracker),
                       args.keep_connections, args.min_announce_interval)
    if not wait_listening(ses, time.monotonic() + 10):
        return 2
    ledger = Ledger()
    printer = AlertPrinter(args.verbose, ledger)
    torrent = load_torrent(args.torrent)
    if args.go_file:
        # The bench times the transfer, not Python's start-up: it says go once we listen.
        say("listening")
        while not os.path.exists(args.go_file):
            if stop_requested or time.monotonic() > deadline:
                say("timeout: no go")
                return 1
            time.sleep(0.005)
        started = time.monotonic()
        deadline = started + args.timeout
    handle = add(ses, torrent, args.dir, trackers=args.tracker)
    known = set()
    dialer = Dialer(handle, args.connect)
    last_progress = 0.0
    while True:
        now = time.monotonic()
        if stop_requested or now > deadline:
            st = handle.status()
            say(f"timeout after {now - started:.1f} s: {st.progress * 100:.1f} %, state {st.state}, "
                f"{st.num_peers} peers, {dialer.dials} dials")
            for p in handle.get_peer_info():
                say(f"  peer {p.ip[0]}:{p.ip[1]} client={client_name(p)!r} flags={p.flags} "
                    f"down={p.total_download} up={p.total_upload}")
            printer.handle(ses.pop_alerts())
            ledger.report(handle)
            return 1
        ses.wait_for_alert(100)
        printer.handle(ses.pop_alerts())
        peer_summary(handle, known)
        ledger.sample(handle)
        st = handle.status()
        if st.errc.value() != 0:
            say(f"error: torrent error: {st.errc.message()}")
            return 2
        if st.state == lt.torrent_status.checking_files:
            continue
        if st.is_seeding or (st.is_finished and st.progress >= 1.0):
            break
        dialer.tick()
        if now - last_progress >= 1:
            last_progress = now
            say(f"progress {st.progress * 100:.1f} % {st.total_payload_download} bytes "
                f"{st.download_payload_rate / 1e6:.1f} MB/s peers={st.num_peers}")
    # Every piece passed libtorrent's hash check (a failure is re-downloaded, never kept).
    handle.flush_cache()
    sync_files(handle, args.dir)
    elapsed = time.monotonic() - started
    st = handle.status()
    say(f"done {elapsed:.3f} s {st.total_payload_download} bytes downloaded, "
        f"{st.total_failed_bytes} failed, {st.total_redundant_bytes} redundant, "
        f"{printer.hash_failures} hash failures")
    ledger.report(handle)
    if args.stay:
        while not stop_requested and time.monotonic() < deadline:
            ses.wait_for_alert(250)
            printer.handle(ses.pop_alerts())
            ledger.sample(handle)
        ledger.report(handle)
    return 0


def run_strip(args):
    torrent = load_torrent(args.torrent)
    with open(args.output, "wb") as f:
        f.write(lt.bencode(torrent))
    say(f"info_hash {info_hash_text(lt.torrent_info(torrent))}")
    return 0


def main():
    parser = argparse.ArgumentParser(description="libtorrent peer for OpenDO interop tests")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("seed", "download"):
        p = sub.add_parser(name)
        p.add_argument("--torrent", required=True)
        p.add_argument("--dir", required=True)
        p.add_argument("--listen", required=True, type=endpoint)
        p.add_argument("--connect", type=endpoint, action="append",
                       help="a peer to dial (repeatable)")
        p.add_argument("--tracker", action="append", metavar="URL",
                       help="announce to this tracker (repeatable); replaces the file's own")
        p.add_argument("--min-announce-interval", type=int, metavar="S",
                       help="re-announce as often as the tracker asks, down to S seconds "
                            "(libtorrent's default floor: 300)")
        p.add_argument("--timeout", type=float, default=600 if name == "seed" else 120)
        p.add_argument("--verbose", action="store_true", help="print every alert, peer log too")
        p.add_argument("--encryption", choices=("default", "disabled", "forced"), default="default",
                       help="libtorrent's default tries RC4/plaintext PE first on outgoing "
                            "connections and falls back to plain BitTorrent")
        p.add_argument("--utp", action="store_true",
                       help="enable uTP as libtorrent does by default (off: TCP only)")
        p.add_argument("--keep-connections", action="store_true",
                       help="keep connections between seeds (libtorrent closes them by default)")
        if name == "seed":
            p.add_argument("--seed-mode", action="store_true",
                           help="skip the initial check (pieces are verified when first served)")
        else:
            p.add_argument("--stay", action="store_true",
                           help="after done, keep running (seeding) until killed or the timeout")
            p.add_argument("--go-file", metavar="PATH",
                           help="print \"listening\", then wait for PATH to exist before adding "
                                "the torrent; \"done\" counts seconds from then")
    p = sub.add_parser("strip")
    p.add_argument("--torrent", required=True)
    p.add_argument("-o", dest="output", required=True)
    args = parser.parse_args()
    if args.command == "download" and not args.connect and not args.tracker:
        parser.error("download needs --connect or --tracker: no other way to find peers")
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if args.command == "seed":
        return run_seed(args)
    if args.command == "download":
        return run_download(args)
    return run_strip(args)


if __name__ == "__main__":
    sys.exit(main())
