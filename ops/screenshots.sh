#!/usr/bin/env bash
# Refreshes the dashboard screenshots in docs/screenshots (each view on demo data at 1366x768 and 390x844),
# by running the screenshot test in headless Chromium with DASHBOARD_SCREENSHOTS pointing there.
set -euo pipefail
cd "$(dirname "$0")/.."
DASHBOARD_SCREENSHOTS="$PWD/docs/screenshots" bash ops/test.sh --filter "FullyQualifiedName~ScreenshotTests"
ls -1 docs/screenshots
