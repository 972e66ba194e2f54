#!/usr/bin/env bash
# Updates the Qt Linguist catalogues of the user interface and compiles them.
#
#   scripts/update-translations.sh          # lupdate + lrelease
#   scripts/update-translations.sh --check  # fail if a .ts is out of date or has unfinished strings
#
# Bahasa Indonesia is the source language: every self.tr()/QCoreApplication.translate
# string in ui/ is Indonesian. resources/translations/smesco_desk_en.ts holds the English
# translations (edit it with `uv run pyside6-linguist`, then run this script again);
# lupdate keeps existing translations and marks new or changed strings "unfinished".
# qtbase_id.ts is hand-written: Indonesian for Qt's own buttons and menus (Qt ships
# none), only compiled here. The compiled .qm files are committed, so a fresh checkout
# runs translated without the tools. Strings the core prints (documents, error
# messages) use gettext instead: see smesco_desk/i18n.py.
set -euo pipefail
cd "$(dirname "$0")/.."

TS_DIR=resources/translations
mapfile -t SOURCES < <(find ui -name '*.py' | sort)  # lupdate does not scan folders for .py
SOURCES+=(main.py)
LANGUAGES=(en)

mkdir -p "$TS_DIR"
for lang in "${LANGUAGES[@]}"; do
  ts="$TS_DIR/smesco_desk_$lang.ts"
  if [ "${1:-}" = "--check" ]; then
    tmp=$(mktemp --suffix=.ts)
    trap 'rm -f "$tmp"' EXIT
    cp "$ts" "$tmp"
    uv run pyside6-lupdate -silent -locations none -source-language id -target-language "$lang" \
      "${SOURCES[@]}" -ts "$tmp"
    if ! diff -q "$ts" "$tmp" >/dev/null; then
      echo "update-translations: $ts is out of date; run scripts/update-translations.sh" >&2
      exit 1
    fi
    if grep -q 'type="unfinished"' "$ts"; then
      echo "update-translations: $ts has unfinished translations" >&2
      exit 1
    fi
    continue
  fi
  uv run pyside6-lupdate -locations none -source-language id -target-language "$lang" \
    "${SOURCES[@]}" -ts "$ts"
done

[ "${1:-}" = "--check" ] && exit 0
for ts in "$TS_DIR"/*.ts; do
  uv run pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
echo "update-translations: compiled $(ls "$TS_DIR"/*.qm | wc -l) catalogue(s) in $TS_DIR"
