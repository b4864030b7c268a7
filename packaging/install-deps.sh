#!/usr/bin/env bash
# Installs the Debian 12 packages Callboard needs to build, run and test.
# Idempotent and non-interactive; works as root or through sudo.
#   packaging/install-deps.sh            build + run
#   packaging/install-deps.sh --test     also everything the test suite needs
set -euo pipefail

want_tests=0
for arg in "$@"; do
  case "$arg" in
    --test) want_tests=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

build_pkgs=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite
  qt6-websockets-dev qt6-multimedia-dev qt6-httpserver-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qtkeychain-qt6-dev libsecret-1-0 libgl-dev libsimdjson-dev qt6-translations-l10n
  libosip2-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-nice
)
test_pkgs=(
  xvfb xauth x11-utils imagemagick openssl
  clang clang-format libclang-rt-14-dev
  libbenchmark-dev wrk linphone-desktop python3-xlib
  nodejs chromium
  dbus dbus-daemon gnome-keyring libsecret-1-0 libsecret-tools
  kamailio kamailio-websocket-modules kamailio-tls-modules baresip-core
  coturn
)

pkgs=("${build_pkgs[@]}")
if [ "$want_tests" = 1 ]; then
  pkgs+=("${test_pkgs[@]}")
  # Debian's nodejs ships npm separately; other nodejs builds bundle it.
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi

# npm packages of the JsSIP interop test peer, `npm ci` of its lock file (idempotent).
install_node_test_deps() {
  [ "$want_tests" = 1 ] || return 0
  sh "$(dirname "${BASH_SOURCE[0]}")/../tests/interop/jssip/setup.sh"
}

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  install_node_test_deps
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
# The tests run their own turnserver on free loopback ports; Debian's package enables a system
# TURN server on 0.0.0.0:3478, which a developer machine should not expose.
if [[ " ${missing[*]} " == *" coturn "* ]] && command -v systemctl >/dev/null 2>&1; then
  $SUDO systemctl disable --now coturn >/dev/null 2>&1 || true
fi
install_node_test_deps
