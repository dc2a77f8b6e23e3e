#!/usr/bin/env bash
# The project's test command: installs what the tests drive for real (Azurite from its lock file, started
# on a free loopback port by the worker tests; Debian's headless Chromium for the dashboard's browser test),
# then runs the whole xUnit suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x ops/azurite/node_modules/.bin/azurite-blob ]; then
  npm ci --prefix ops/azurite --no-audit --no-fund
fi
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; }
fi
dotnet test RegionalWarehouse.sln --nologo "$@"
