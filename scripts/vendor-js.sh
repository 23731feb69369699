#!/bin/sh
# Vendors vis-timeline's standalone UMD build (JS + CSS + licence) into chronika/web/static/vendor/
# from the npm registry, so the reading room works offline with no CDN and no front-end build step.
# Run it again only to change VERSION; the copied files are committed.
set -e
VERSION="${1:-8.5.4}"
DEST="$(cd "$(dirname "$0")/.." && pwd)/chronika/web/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "vis-timeline@$VERSION" >/dev/null
tar xzf "vis-timeline-$VERSION.tgz"
mkdir -p "$DEST"
cp package/standalone/umd/vis-timeline-graph2d.min.js "$DEST/"
cp package/styles/vis-timeline-graph2d.min.css "$DEST/"
cat package/LICENSE.md package/LICENSE.MIT.txt > "$DEST/LICENSE-vis-timeline.txt"
printf 'vis-timeline %s (npm), standalone UMD build; dual-licensed Apache-2.0 OR MIT (used here under MIT)\n' "$VERSION" > "$DEST/VERSION"
echo "vendored vis-timeline $VERSION into $DEST" >&2
