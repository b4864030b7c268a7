#!/usr/bin/env bash
# Fails when a string the desktop app shows has no finished translation: re-runs lupdate on the
# sources into a copy of translations/*.ts (so strings added to the code since the last
# update_translations appear as new, unfinished messages) and lists every unfinished or empty
# Russian translation, and every English plural form left unfinished.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/translations/update.sh" "$work" >/dev/null
python3 - "$work/callboard_ru.ts" "$work/callboard_en.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

bad = []
counts = {}
for path in sys.argv[1:]:
    lang = path.rsplit("_", 1)[1].split(".")[0]
    root = ET.parse(path).getroot()
    n = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            n += 1
            source = message.findtext("source") or ""
            tr = message.find("translation")
            forms = tr.findall("numerusform") if tr is not None else []
            text = "".join(f.text or "" for f in forms) if forms else (tr.text or "" if tr is not None else "")
            unfinished = tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
            if unfinished or (lang == "ru" and not text.strip()):
                bad.append(f"{lang}: {name}: {source!r}")
    counts[lang] = n
for line in bad:
    print("untranslated", line)
print(f"messages: ru {counts.get('ru', 0)}, en {counts.get('en', 0)}; untranslated: {len(bad)}")
sys.exit(1 if bad else 0)
PY
