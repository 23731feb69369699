#!/bin/sh
# Installs what Chronika needs from the system's packages: Tesseract OCR with English and
# Russian, (for the browser tests) Chromium and npm (which fetches axe-core), and (for
# `chronika build` on Spark, unless CHRONIKA_NO_SPARK=1) a Java runtime, and (for the tests of the
# PostgreSQL store, unless CHRONIKA_NO_POSTGRES=1) PostgreSQL's server programs. Does nothing
# where they are present already.
set -e
has_postgres() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx rus \
    && { [ -n "${CHRONIKA_NO_BROWSER:-}" ] || { [ -x /usr/bin/chromium ] && command -v npm >/dev/null 2>&1; }; } \
    && { [ "${CHRONIKA_NO_SPARK:-}" = "1" ] || command -v java >/dev/null 2>&1; } \
    && { [ "${CHRONIKA_NO_POSTGRES:-}" = "1" ] || has_postgres; }; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chronika: install Tesseract OCR with English and Russian (tesseract-ocr, tesseract-ocr-rus), Chromium, npm, Java 17 and PostgreSQL with your package manager" >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
PACKAGES="tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus"
[ -n "${CHRONIKA_NO_BROWSER:-}" ] || PACKAGES="$PACKAGES chromium"
[ -n "${CHRONIKA_NO_BROWSER:-}" ] || command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
[ "${CHRONIKA_NO_SPARK:-}" = "1" ] || command -v java >/dev/null 2>&1 || PACKAGES="$PACKAGES default-jre-headless"
[ "${CHRONIKA_NO_POSTGRES:-}" = "1" ] || has_postgres || PACKAGES="$PACKAGES postgresql"
echo "Installing $PACKAGES ..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null
