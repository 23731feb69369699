#!/bin/sh
# Installs what Chronika needs from the system's packages: Tesseract OCR with English and
# Russian, and (for the browser tests) Chromium and npm (which fetches axe-core). Does nothing
# where they are present already.
set -e
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx rus \
    && { [ -n "${CHRONIKA_NO_BROWSER:-}" ] || { [ -x /usr/bin/chromium ] && command -v npm >/dev/null 2>&1; }; }; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chronika: install Tesseract OCR with English and Russian (tesseract-ocr, tesseract-ocr-rus), Chromium and npm with your package manager" >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
PACKAGES="tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus"
[ -n "${CHRONIKA_NO_BROWSER:-}" ] || PACKAGES="$PACKAGES chromium"
[ -n "${CHRONIKA_NO_BROWSER:-}" ] || command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
echo "Installing $PACKAGES ..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null
