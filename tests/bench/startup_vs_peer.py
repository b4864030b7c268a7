#!/usr/bin/python3
"""Start-up time and idle footprint of Callboard against a peer desktop app, same method for both.

For each app and round: exec under a fresh HOME, time from just before exec to the first time a
top-level window of the launched process tree is mapped AND shows non-background content, then
resident memory after an idle period; the app is killed after each round. Rounds alternate which
app starts first. Needs an X display with the DAMAGE extension (xvfb-run) and python3-xlib.

  startup_vs_peer.py --callboard build/app/callboard/callboard [--peer-cmd linphone]
                     [--peer-name Linphone] [--rounds 5] [--idle-s 10] [--timeout-s 30]

How "first painted window" is detected (identical for both apps):
  * the X root is watched for CreateNotify/MapNotify (no window manager runs under Xvfb, so
    top-level windows are root children); every new top-level window gets a DAMAGE object
    (DamageReportNonEmpty) at creation, before the client can draw into it;
  * a window counts when its _NET_WM_PID is the launched process or one of its descendants, it
    is viewable and at least MIN_SIDE px on both sides (Qt's 1x1 leader and 3x3 selection-owner
    windows never map);
  * on each DamageNotify (or MapNotify) of such a window: DamageSubtract, then GetImage of the
    on-screen part; the window is "painted" when the image is not a single colour (an unpainted
    Qt window shows the black root beneath it; a background-only clear is one colour too);
  * the figure is the time of the first DamageNotify after the last negative check of that
    window, from the event's X server timestamp (ms; Xorg servers use CLOCK_MONOTONIC, the clock
    of time.monotonic_ns), so neither the GetImage nor a delay in reading the event is counted
    (a MapNotify has no timestamp and counts at receipt); "check" is the time from that event to
    the end of the positive GetImage, the method's own detection latency.
Callboard also gets CALLBOARD_STARTUP_REPORT; its in-app first-paint time (app::FirstPaintProbe,
same clock) is printed as a cross-check ("probe").

Memory: VmRSS (KiB in /proc/<pid>/status) summed over the launched process and all its
descendants after --idle-s seconds; the number of processes is printed, and RssAnon (the private
part: heap, stacks; VmRSS minus mapped files and shared memory) beside it.

Output: one line per app and round, then medians and the ratios peer / Callboard. Exit status 0
when every round painted, 1 when an app failed to start, exited, or did not paint within
--timeout-s, 2 on a usage or display error. Timings are never asserted.
"""

import argparse
import os
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from Xlib import X, display
from Xlib.ext import damage

MIN_SIDE = 64  # px
POLL_S = 0.002  # s; select() timeout while waiting, also how often process exit is noticed


def process_tree(root_pid):
    """Set of pids: root_pid and all its live descendants (from /proc/<pid>/stat)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # Fields after the parenthesised command name: state ppid ...
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = set(), [root_pid]
    while todo:
        pid = todo.pop()
        if pid not in tree:
            tree.add(pid)
            todo.extend(children.get(pid, []))
    return tree


def status_kib(pid, field="VmRSS"):
    """A KiB field of /proc/<pid>/status (VmRSS, RssAnon), or 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class FirstPaintWatcher:
    """X connection that times the first painted top-level window of a launched process."""

    def __init__(self):
        self.d = display.Display()
        if not self.d.has_extension("DAMAGE"):
            raise RuntimeError("the X server has no DAMAGE extension")
        self.d.damage_query_version()
        self.damage_code = self.d.extension_event.DamageNotify
        self.screen = self.d.screen()
        self.root = self.screen.root
        self.net_wm_pid = self.d.intern_atom("_NET_WM_PID")
        self.fallbacks = 0  # DamageNotify events timed at receipt (server clock not monotonic)
        # Windows are created and destroyed under us; errors of requests without replies are
        # expected (BadWindow, BadDamage) and ignored.
        self.d.set_error_handler(lambda *args: None)
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self.d.sync()

    def drain(self):
        """Drops queued events (of earlier rounds); call before exec."""
        self.d.sync()
        while self.d.pending_events():
            self.d.next_event()

    def _window_pid(self, win):
        try:
            prop = win.get_full_property(self.net_wm_pid, X.AnyPropertyType)
        except Exception:  # BadWindow: destroyed meanwhile
            return None
        return int(prop.value[0]) if prop and len(prop.value) else None

    def _painted(self, win):
        """(painted, title, (w, h)): whether the on-screen part of win is more than one colour."""
        try:
            attrs = win.get_attributes()
            if attrs.map_state != X.IsViewable:
                return False, "", (0, 0)
            geo = win.get_geometry()
            pos = win.translate_coords(self.root, 0, 0)
            x0, y0 = max(0, -pos.x), max(0, -pos.y)
            x1 = min(geo.width, self.screen.width_in_pixels - pos.x)
            y1 = min(geo.height, self.screen.height_in_pixels - pos.y)
            if min(geo.width, geo.height) < MIN_SIDE or x1 <= x0 or y1 <= y0:
                return False, "", (geo.width, geo.height)
            data = win.get_image(x0, y0, x1 - x0, y1 - y0, X.ZPixmap, 0xFFFFFFFF).data
            bpp = max(1, len(data) // ((x1 - x0) * (y1 - y0)))
            # count() finds len/bpp non-overlapping copies of the first pixel only when every
            # pixel equals it.
            uniform = data.count(data[:bpp]) * bpp == len(data)
            title = win.get_wm_name() or ""
            return not uniform, str(title), (geo.width, geo.height)
        except Exception:  # the window went away between the event and the check
            return False, "", (0, 0)

    def _event_ns(self, server_ms, received_ns):
        """CLOCK_MONOTONIC ns of a DamageNotify from its X server time (ms, 32 bits).

        Xorg servers (Xvfb included) take their time from CLOCK_MONOTONIC, so the event time
        does not include the delay before this program reads the event (e.g. during a GetImage);
        the middle of the server's millisecond is taken. Falls back to received_ns when the
        server time is not within 10 s before it (a server on another clock).
        """
        lag_ms = ((received_ns // 1_000_000) - server_ms) & 0xFFFFFFFF
        if lag_ms >= 10_000:
            self.fallbacks += 1
            return received_ns
        return min(received_ns, received_ns // 1_000_000 * 1_000_000 - lag_ms * 1_000_000 + 500_000)

    def wait_first_paint(self, proc, start_ns, timeout_s):
        """Waits for the first painted window of proc's tree.

        Returns dict(ms, check_ms, title, size, checks) with ms from start_ns (CLOCK_MONOTONIC
        ns taken just before exec), or raises RuntimeError on exit or timeout.
        """
        damages = {}  # window id -> (window, damage id)
        owner = {}  # window id -> pid from _NET_WM_PID (None: not ours / not set)
        dirty = {}  # window id -> receipt ns of the first event since its last negative check
        checks = 0
        deadline = time.monotonic() + timeout_s
        fd = self.d.fileno()
        try:
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"exited with status {proc.returncode} before painting")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no painted window within {timeout_s} s")
                if not self.d.pending_events():
                    select.select([fd], [], [], POLL_S)
                while self.d.pending_events():
                    ev = self.d.next_event()
                    now = time.monotonic_ns()
                    if ev.type == X.CreateNotify and ev.parent.id == self.root.id:
                        dmg = ev.window.damage_create(damage.DamageReportNonEmpty)
                        damages[ev.window.id] = (ev.window, dmg)
                    elif ev.type == X.MapNotify and ev.window.id in damages:
                        dirty.setdefault(ev.window.id, now)
                    elif ev.type == self.damage_code and ev.drawable.id in damages:
                        dirty.setdefault(ev.drawable.id, self._event_ns(ev.timestamp, now))
                    elif ev.type == X.DestroyNotify and ev.window.id in damages:
                        damages.pop(ev.window.id)
                        dirty.pop(ev.window.id, None)
                if not dirty:
                    continue
                tree = process_tree(proc.pid)
                for wid, first_ns in list(dirty.items()):
                    win, dmg = damages[wid]
                    if owner.get(wid) is None:
                        owner[wid] = self._window_pid(win)
                    if owner[wid] not in tree:
                        del dirty[wid]
                        continue
                    self.d.damage_subtract(dmg)
                    checks += 1
                    painted, title, size = self._painted(win)
                    del dirty[wid]
                    if painted:
                        return {
                            "ms": (first_ns - start_ns) / 1e6,
                            "check_ms": (time.monotonic_ns() - first_ns) / 1e6,
                            "title": title,
                            "size": size,
                            "checks": checks,
                        }
        finally:
            for _, dmg in damages.values():
                self.d.damage_destroy(dmg)
            self.drain()


class App:
    """One measured application: its argv and per-round environment."""

    def __init__(self, name, argv, probe=False):
        self.name = name
        self.argv = argv
        self.probe = probe  # Callboard's CALLBOARD_STARTUP_REPORT cross-check

    def environment(self, home, round_index):
        env = dict(os.environ)
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = os.path.join(home, ".config")
        env["XDG_DATA_HOME"] = os.path.join(home, ".local", "share")
        env["XDG_CACHE_HOME"] = os.path.join(home, ".cache")
        runtime = os.path.join(home, "runtime")
        os.makedirs(runtime, mode=0o700)
        env["XDG_RUNTIME_DIR"] = runtime
        if self.probe:
            env["CALLBOARD_STARTUP_REPORT"] = os.path.join(home, "startup.json")
            env["CALLBOARD_INSTANCE_NAME"] = f"bench-startup-{os.getpid()}-{round_index}"
        return env


def stop(proc):
    """SIGTERM to the process group (start_new_session), SIGKILL after 5 s, then stragglers."""
    pids = process_tree(proc.pid)
    for sig, wait_s in ((signal.SIGTERM, 5), (signal.SIGKILL, 2)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=wait_s)
            break
        except subprocess.TimeoutExpired:
            continue
    for pid in pids - {proc.pid}:  # descendants that left the group
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def run_round(watcher, app, round_index, idle_s, timeout_s):
    home = tempfile.mkdtemp(prefix=f"bench-startup-{app.name.lower()}-")
    try:
        env = app.environment(home, round_index)
        log = open(os.path.join(home, "app.log"), "wb")
        watcher.drain()
        start_ns = time.monotonic_ns()
        try:
            proc = subprocess.Popen(app.argv, env=env, cwd=home, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as err:
            log.close()
            raise RuntimeError(f"{app.name}: cannot start {app.argv[0]}: {err}") from None
        try:
            result = watcher.wait_first_paint(proc, start_ns, timeout_s)
            if app.probe:
                result["probe_ms"] = read_probe(env["CALLBOARD_STARTUP_REPORT"], start_ns)
            time.sleep(idle_s)
            if proc.poll() is not None:
                raise RuntimeError(f"exited with status {proc.returncode} while idle")
            tree = process_tree(proc.pid)
            result["rss_mib"] = sum(status_kib(pid) for pid in tree) / 1024.0
            result["anon_mib"] = sum(status_kib(pid, "RssAnon") for pid in tree) / 1024.0
            result["main_rss_mib"] = status_kib(proc.pid) / 1024.0
            result["processes"] = len(tree)
            return result
        except RuntimeError as err:
            log.flush()
            with open(os.path.join(home, "app.log"), "rb") as f:
                tail = f.read()[-2000:].decode(errors="replace")
            raise RuntimeError(f"{app.name}: {err}\n--- last output ---\n{tail}") from None
        finally:
            stop(proc)
            log.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def read_probe(path, start_ns):
    """Callboard's own first-paint time in ms from start_ns, or None when not (yet) written."""
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        try:
            with open(path) as f:
                text = f.read()
            key = '"firstPaintNs":'
            if key in text:
                value = text.split(key, 1)[1].split(",", 1)[0].split("}", 1)[0]
                return (int(value) - start_ns) / 1e6
        except (OSError, ValueError):
            pass
        time.sleep(POLL_S)
    return None


def fmt(values, unit, digits=1):
    return ", ".join(f"{v:.{digits}f}" for v in values) + f" {unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--callboard", required=True, help="callboard binary (run with --demo)")
    parser.add_argument("--peer-cmd", default="linphone", help="peer command line (shell words)")
    parser.add_argument("--peer-name", default="Linphone")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--idle-s", type=float, default=10.0, help="idle seconds before RSS")
    parser.add_argument("--timeout-s", type=float, default=30.0, help="first-paint timeout")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("startup_vs_peer: needs a DISPLAY (run under xvfb-run)", file=sys.stderr)
        return 2
    try:
        watcher = FirstPaintWatcher()
    except Exception as err:  # no display, no DAMAGE
        print(f"startup_vs_peer: {err}", file=sys.stderr)
        return 2

    ours = App("Callboard", [os.path.abspath(args.callboard), "--demo"], probe=True)
    peer = App(args.peer_name, shlex.split(args.peer_cmd))
    results = {ours.name: [], peer.name: []}
    rounds = max(1, args.rounds)
    for i in range(rounds):
        order = (ours, peer) if i % 2 == 0 else (peer, ours)
        for app in order:
            try:
                r = run_round(watcher, app, i, args.idle_s, args.timeout_s)
            except RuntimeError as err:
                print(f"round {i + 1} failed: {err}", file=sys.stderr)
                return 1
            results[app.name].append(r)
            probe = ""
            if app.probe:
                probe_ms = r["probe_ms"]
                probe = ", probe n/a" if probe_ms is None else f", probe {probe_ms:.1f} ms"
            procs = "1 process"
            if r["processes"] > 1:
                procs = f"{r['processes']} processes, main {r['main_rss_mib']:.1f} MiB"
            print(f"round {i + 1} {app.name:>10}: first painted window {r['ms']:7.1f} ms "
                  f"(check {r['check_ms']:.1f} ms{probe}), RSS after {args.idle_s:g} s idle "
                  f"{r['rss_mib']:6.1f} MiB (anon {r['anon_mib']:.1f} MiB, {procs}); window "
                  f"\"{r['title']}\" {r['size'][0]}x{r['size'][1]}", flush=True)

    med = {}
    for name, rs in results.items():
        med[name] = [statistics.median(r[key] for r in rs) for key in ("ms", "rss_mib", "anon_mib")]
        print(f"{name}: exec -> first painted window, median of {rounds}: {med[name][0]:.1f} ms "
              f"({fmt(sorted(r['ms'] for r in rs), 'ms')}); RSS after {args.idle_s:g} s idle, "
              f"median: {med[name][1]:.1f} MiB (anon {med[name][2]:.1f} MiB)")
    probes = [r["probe_ms"] for r in results[ours.name] if r["probe_ms"] is not None]
    if probes:
        print(f"{ours.name} in-app probe (FirstPaintProbe), median: "
              f"{statistics.median(probes):.1f} ms")
    if watcher.fallbacks:
        print(f"note: {watcher.fallbacks} damage event(s) timed at receipt (X server clock is "
              "not CLOCK_MONOTONIC)")
    time_ratio = med[peer.name][0] / med[ours.name][0]
    rss_ratio = med[peer.name][1] / med[ours.name][1]
    anon_ratio = med[peer.name][2] / med[ours.name][2]
    print(f"ratio {peer.name} / {ours.name}: start-up {time_ratio:.2f}x, RSS {rss_ratio:.2f}x "
          f"(anon {anon_ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
