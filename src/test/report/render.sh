#!/usr/bin/env bash
# Renders a report directory's report.html to a PNG the way a person would see it: headless Chromium, offline
# (no network, no sync, fresh profile), a tall window so every section is in the picture.
#   src/test/report/render.sh REPORT_DIR OUT.png
# Installs Debian's chromium when it is missing (needs root and the Debian package mirror).
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 REPORT_DIR OUT.png" >&2
  exit 2
fi
report="$(cd "$1" && pwd)/report.html"
[[ -f "$report" ]] || { echo "$0: no report.html in $1" >&2; exit 2; }
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
if ! command -v chromium >/dev/null; then
  apt-get update && apt-get install -y chromium
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --screenshot="$out" \
  --window-size=1280,4000 "file://$report"
echo "rendered $report to $out"
