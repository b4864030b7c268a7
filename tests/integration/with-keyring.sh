#!/bin/sh
# Runs a command inside a private D-Bus session bus with an unlocked gnome-keyring secret
# service (org.freedesktop.secrets), headless, in a throw-away HOME:
#   tests/integration/with-keyring.sh <command> [args...]
#   tests/integration/with-keyring.sh --bus-only <command> [args...]
# --bus-only: a private session bus that has no secret service and cannot start one (no
# service directories), for the "bus but no keychain" path.
# The keyring files live in a temporary directory removed at exit; dbus-run-session ends the
# bus (and with it gnome-keyring-daemon) when the command exits. Needs dbus-run-session
# (dbus-daemon / dbus-bin) and gnome-keyring-daemon: bash packaging/install-deps.sh --test.
# The whole run is bounded by CALLBOARD_KEYRING_TIMEOUT seconds (default 90).
set -eu

bus_only=0
if [ "${1:-}" = "--bus-only" ]; then
  bus_only=1
  shift
fi
if [ "$#" -lt 1 ]; then
  echo "usage: with-keyring.sh [--bus-only] <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool not found; run: bash packaging/install-deps.sh --test" >&2
    exit 1
  fi
done

home=$(mktemp -d "${TMPDIR:-/tmp}/callboard-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -m 700 "$home/runtime" "$home/data" "$home/config" "$home/cache"

# No display: no unlock prompt can appear and D-Bus cannot autolaunch another bus.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
# Desktop hints would make QtKeychain prefer KWallet; the secret service is what we test.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION \
  GNOME_DESKTOP_SESSION_ID GNOME_KEYRING_CONTROL
export HOME="$home" XDG_RUNTIME_DIR="$home/runtime" XDG_DATA_HOME="$home/data" \
  XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"

status=0
if [ "$bus_only" = 1 ]; then
  cat >"$home/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$home/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  timeout --kill-after=5 "${CALLBOARD_KEYRING_TIMEOUT:-90}" \
    dbus-run-session --config-file="$home/session.conf" -- "$@" || status=$?
  exit "$status"
fi

# gnome-keyring-daemon --unlock reads the login keyring password from stdin, creates and
# unlocks the "login" collection, registers org.freedesktop.secrets on the bus and forks.
timeout --kill-after=5 "${CALLBOARD_KEYRING_TIMEOUT:-90}" \
  dbus-run-session -- sh -c '
    printf %s testpw | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    exec "$@"' with-keyring "$@" || status=$?
exit "$status"
