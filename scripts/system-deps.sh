#!/bin/sh
# Installs what Chronika needs from the system's packages: Tesseract OCR with English and
# Russian. Does nothing where they are present already.
set -e
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx rus; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chronika: install Tesseract OCR with English and Russian (tesseract-ocr, tesseract-ocr-rus) with your package manager" >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
echo "Installing Tesseract OCR (tesseract-ocr, tesseract-ocr-rus) ..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus >/dev/null
