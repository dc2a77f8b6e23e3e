#!/usr/bin/env bash
# The project's test command: installs what the tests drive for real (Azurite from its lock file, started
# on a free loopback port by the worker tests; axe-core, which the dashboard's browser tests inject; Debian's
# headless Chromium for those browser tests),
# checks the code style against .editorconfig, then runs the whole xUnit suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x ops/azurite/node_modules/.bin/azurite-blob ]; then
  npm ci --prefix ops/azurite --no-audit --no-fund
fi
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  npm ci --prefix tests/browser --no-audit --no-fund
fi
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; }
fi
echo "test.sh: checking the code style (.editorconfig) with dotnet format…"
dotnet format RegionalWarehouse.sln --verify-no-changes -v q \
  || { echo "error: code style differs from .editorconfig; run 'dotnet format RegionalWarehouse.sln' and commit the result" >&2; exit 1; }
echo "test.sh: running the xUnit suite (about 8 minutes on 2 cores)…"
dotnet test RegionalWarehouse.sln --nologo "$@"
