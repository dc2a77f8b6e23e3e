#!/usr/bin/env bash
# The project's test command: installs Azurite from the lock file (the worker tests start it on a free
# loopback port), then runs the whole xUnit suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x ops/azurite/node_modules/.bin/azurite-blob ]; then
  npm ci --prefix ops/azurite --no-audit --no-fund
fi
dotnet test RegionalWarehouse.sln --nologo "$@"
