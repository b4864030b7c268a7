#!/usr/bin/env bash
# Builds the packages from a configured build tree, checks them and the desktop files, installs
# the .deb on this machine (dpkg -i, then apt-get -f install for anything missing), runs the
# installed binaries, and removes the package again.
#   packaging/check-package.sh BUILD_DIR
# Needs root or sudo (dpkg). Exit status: 0 all good, 1 a check failed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

step() { printf '\n== %s\n' "$*"; }

step "desktop file and AppStream metadata"
desktop-file-validate "$root/packaging/linux/org.callboard.Callboard.desktop"
appstreamcli validate --no-net --explain "$build/packaging/org.callboard.Callboard.metainfo.xml"

step "cpack (.deb and .tar.gz)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
tgz=$(ls "$out"/*.tar.gz)
echo "built $(basename "$deb") and $(basename "$tgz")"
dpkg-deb --field "$deb" Package Version Depends

step "lintian (errors fail)"
# --fail-on error: warnings and infos are printed but do not fail.
lintian --fail-on error --no-tag-display-limit "$deb"

step "tarball holds the same program"
tar -tzf "$tgz" | grep -q '/bin/callboard$'

step "install the .deb"
$SUDO env DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" ||
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -q
dpkg-query -W -f='${Status}\n' callboard | grep -q "install ok installed"

step "run the installed files"
/usr/bin/callboard --version
/usr/bin/callboard-cli --version >/dev/null
test -f /usr/share/applications/org.callboard.Callboard.desktop
test -f /usr/share/icons/hicolor/scalable/apps/org.callboard.Callboard.svg
ls /usr/share/callboard/translations/callboard_ru.qm
# A headless client against the emulator, both from the installed files.
log=$(mktemp)
/usr/bin/callboard-emulator --port 0 >"$log" 2>/dev/null &
emu=$!
for _ in $(seq 100); do grep -q '"listening"' "$log" && break; sleep 0.05; done
url=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["ws"])' "$log")
set +e
/usr/bin/callboard-cli monitor --url "$url" --sip-login 1000 --exit-after 2000 >"$log.cli"
rc=$?
set -e
kill "$emu" 2>/dev/null || true
grep -q '"ESTABLISHED"' "$log.cli" || { echo "callboard-cli never reached ESTABLISHED" >&2; exit 1; }
echo "installed callboard-cli reached ESTABLISHED (exit code $rc after --exit-after)"
rm -f "$log" "$log.cli"

step "remove the package"
$SUDO env DEBIAN_FRONTEND=noninteractive dpkg -r callboard >/dev/null
echo "package check passed"
