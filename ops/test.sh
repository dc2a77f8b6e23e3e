#!/usr/bin/env bash
# The project's test command: restores what the tests need, then runs the whole xUnit suite.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test RegionalWarehouse.sln --nologo "$@"
