#!/usr/bin/env bash
# Refreshes translations/callboard_{en,ru}.ts from the sources the desktop app shows.
# English is the source language: its file keeps plural forms only (-pluralonly).
# Usage: translations/update.sh [OUT_DIR]   (OUT_DIR: write the refreshed copies there instead)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
out=${1:-$root/translations}
mkdir -p "$out"
[ "$out" = "$root/translations" ] || cp "$root"/translations/callboard_{en,ru}.ts "$out"/
cd "$root"
dirs=()
for d in app/callboard app/common ui src/core src/wcs src/sip src/hooks src/services src/models; do
  [ -d "$d" ] && dirs+=("$d")
done
common=(-silent -no-obsolete -locations relative -I . -I src -extensions cpp,h,ui)
"$lupdate" "${common[@]}" -source-language en -target-language ru "${dirs[@]}" \
  -ts "$out/callboard_ru.ts"
"$lupdate" "${common[@]}" -pluralonly -source-language en -target-language en "${dirs[@]}" \
  -ts "$out/callboard_en.ts"
