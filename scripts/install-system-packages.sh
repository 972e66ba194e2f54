#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Smesco Desk needs: Qt's runtime libraries
# (offscreen and X11), fonts, and for development/CI also Xvfb, xdotool,
# ImageMagick, CUPS with a PDF printer, poppler-utils, PostgreSQL (and openssl,
# for its test certificate), SQLite's shell, and Python 3 with pip (to bootstrap uv).
# Calls apt only when a package is missing, so a provisioned machine costs ~0 s.
# Usage, as root (or with sudo): scripts/install-system-packages.sh [--runtime-only]
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "run this as root (su -c '$0 $*')" >&2; exit 1; }
  SUDO="sudo"
fi

runtime=(
  libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 fonts-dejavu-core fonts-noto-core fonts-wqy-zenhei
  libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
  libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb-xinerama0
  libcups2 libnss3 libxrandr2 libxcomposite1 libxdamage1 libxtst6 libxi6
)
dev=(
  python3 python3-pip python3-venv curl ca-certificates openssl
  xvfb xauth x11-utils xdotool imagemagick poppler-utils
  cups cups-client cups-bsd printer-driver-cups-pdf postgresql sqlite3
)

pkgs=("${runtime[@]}")
[ "${1:-}" = "--runtime-only" ] || pkgs+=("${dev[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "system packages: installing ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "system packages: all present"
fi
