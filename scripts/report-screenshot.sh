#!/usr/bin/env bash
# Renders an HTML report in headless Chromium, saves a PNG screenshot and fails on JavaScript console errors.
# Usage: scripts/report-screenshot.sh REPORT.html OUT.png [WIDTH,HEIGHT]
# Exit codes: 0 ok, 1 console errors from the page, 2 usage, 3 no chromium, 4 no screenshot written.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
report="$1"
out="$2"
size="${3:-1400,2400}"
if [[ ! -f "$report" ]]; then
  echo "report-screenshot: report file '$report' does not exist" >&2
  exit 2
fi

browser="${CHROMIUM:-}"
if [[ -z "$browser" ]]; then
  for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
  done
fi
if [[ -z "$browser" ]]; then
  echo "report-screenshot: no chromium binary found (set CHROMIUM or apt-get install -y chromium)" >&2
  exit 3
fi

abs_report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
abs_out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
log="$(mktemp)"
profile="$(mktemp -d)"
trap 'rm -rf "$log" "$profile"' EXIT
rm -f "$abs_out"

# Chromium's own exit status is not trusted (it may warn about D-Bus etc.); the PNG and the log decide.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check \
  --user-data-dir="$profile" --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
  --screenshot="$abs_out" --window-size="$size" "file://$abs_report" >"$log" 2>&1 || true

# Console messages of the page are logged as `CONSOLE(line)] "message", source: file://...`.
errors="$(grep -E 'CONSOLE.*(Uncaught|Error)|Uncaught [A-Za-z]*Error' "$log" || true)"
if [[ -n "$errors" ]]; then
  echo "report-screenshot: JavaScript console errors in $report:" >&2
  echo "$errors" >&2
  exit 1
fi
if [[ ! -s "$abs_out" ]]; then
  echo "report-screenshot: chromium wrote no screenshot to $abs_out; its log:" >&2
  tail -n 20 "$log" >&2
  exit 4
fi
echo "report-screenshot: wrote $abs_out ($(wc -c <"$abs_out") bytes), no console errors"
