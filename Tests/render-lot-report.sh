#!/bin/sh
# Renders the demo lot report (Tests/QCLotsTests/ReportDemo.swift) and screenshots report.html with headless
# Chromium, to look at it as a manager would. Not part of the test suite.
#   [KIND=reject|accept|incomplete] Tests/render-lot-report.sh [OUTPUT_DIR]
#   (default /tmp/qclots-demo; screenshot OUTPUT_DIR/report.png)
set -eu
cd "$(dirname "$0")/.."
out="${1:-/tmp/qclots-demo}"
swift build -c release --build-tests --scratch-path .build-lots >/dev/null
QCLOTS_DEMO_KIND="${KIND:-reject}" QCLOTS_DEMO_REPORT="$out" .build-lots/release/qcvisionPackageTests.xctest --testing-library swift-testing --filter "ReportDemo"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then echo "no Chromium found; open $out/report.html in a browser" >&2; exit 0; fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$out/report.png" \
  --window-size=1200,"${HEIGHT:-5200}" "file://$out/report.html" 2>/dev/null
echo "screenshot: $out/report.png"
