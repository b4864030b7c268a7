#!/usr/bin/env bash
# Start-up (exec -> first painted window) and RSS after 10 s idle of Callboard (--demo) against
# Debian's linphone-desktop, measured the same external way (tests/bench/startup_vs_peer.py:
# X DAMAGE + GetImage, VmRSS of the process tree), rounds alternating both apps under one Xvfb
# and one private D-Bus session bus (Linphone 4.4 exits at start without a session bus).
# Prints per-round figures, medians and the ratios Linphone / Callboard.
#
#   tests/bench/run-startup-vs-linphone.sh <build-dir> [rounds]     (default 5 rounds)
#
# Needs linphone-desktop, python3-xlib, xvfb and dbus-daemon: tests/bench/install-bench-peers.sh
# (packaging/install-deps.sh --test installs them too). Exits 1 when one of them is missing or
# an app does not paint; timings are never asserted. CALLBOARD_BENCH_IDLE_S overrides the idle
# period (s).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fail() { echo "run-startup-vs-linphone: $*" >&2; exit 1; }

[ $# -ge 1 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
app="$1/app/callboard/callboard"
rounds="${2:-5}"
idle_s="${CALLBOARD_BENCH_IDLE_S:-10}"

[ -x "$app" ] || fail "no $app (build the callboard target)"
command -v linphone >/dev/null 2>&1 ||
  fail "linphone not found: install it with tests/bench/install-bench-peers.sh (Debian package linphone-desktop)"
/usr/bin/python3 -c 'import Xlib.ext.damage' 2>/dev/null ||
  fail "python3-xlib not found: install it with tests/bench/install-bench-peers.sh"
for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: run tests/bench/install-bench-peers.sh"
done

version="$(dpkg-query -W -f='${Version}' linphone-desktop 2>/dev/null || echo '?')"
echo "linphone-desktop $version, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# dbus-daemon warns that it cannot raise its fd limit when not run as a system service: noise.
status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- /usr/bin/python3 "$here/startup_vs_peer.py" \
    --callboard "$app" --peer-cmd linphone --peer-name Linphone \
    --rounds "$rounds" --idle-s "$idle_s" \
  2> >(grep -v 'Failed to set fd limit' >&2) || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
