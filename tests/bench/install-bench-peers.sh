#!/usr/bin/env bash
# Installs the peer applications the comparison benchmarks measure against (Debian 12):
# linphone-desktop (4.4.10 in bookworm, about 21 MiB to download with its Qt 5 QML runtime) and
# the X tools tests/bench/startup_vs_peer.py uses (python3-xlib for X Damage and GetImage,
# xvfb/xauth for xvfb-run, dbus-daemon for dbus-run-session (Linphone needs a session bus),
# x11-utils for inspecting windows by hand).
# Idempotent and non-interactive: does nothing when everything is installed; runs
# `apt-get update` only when a package is not known to apt. Works as root or through sudo.
#   tests/bench/install-bench-peers.sh
set -euo pipefail

pkgs=(linphone-desktop python3-xlib xvfb xauth x11-utils dbus-daemon)

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-bench-peers: all ${#pkgs[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-bench-peers: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
for p in "${missing[@]}"; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then
    $SUDO apt-get update -q
    break
  fi
done
echo "install-bench-peers: installing ${missing[*]}"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
