#!/usr/bin/env bash
# Fuzzes one parser with Debian's afl++ through SharpFuzz (the bytes become a submission's file and go through the
# parser the pipeline uses; see tests/fuzz/). Seeds: tests/fuzz/corpus/<target>/. Findings: data/fuzz/<target>/.
#   bash ops/fuzz.sh <csv|xml|xlsx|zip> [seconds, default 600]
# Exit 0 when afl++ found no crash and no hang; a finding replays with the command it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?name a target: csv, xml, xlsx or zip}"
seconds="${2:-600}"
if ! command -v afl-fuzz >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends afl++ >/dev/null
fi
tools="$HOME/.dotnet/tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
out="data/fuzz/$target"
rm -rf "$out/bin" "$out/findings"; mkdir -p "$out"
echo "fuzz.sh: publishing and instrumenting the parsers…"
dotnet publish tests/fuzz/RegionalWarehouse.Fuzz -c Release -o "$out/bin" --nologo -v q
"$tools/sharpfuzz" "$out/bin/RegionalWarehouse.Etl.dll"
echo "fuzz.sh: afl-fuzz on $target for ${seconds}s…"
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -V "$seconds" -i "tests/fuzz/corpus/$target" -o "$out/findings" -t 10000 -m none -- \
  dotnet "$out/bin/RegionalWarehouse.Fuzz.dll" "$target" || true
crashes=$(find "$out/findings" -path '*crashes/id*' 2>/dev/null | wc -l)
hangs=$(find "$out/findings" -path '*hangs/id*' 2>/dev/null | wc -l)
execs=$(grep -h '^execs_done' "$out"/findings/*/fuzzer_stats 2>/dev/null | awk '{s += $3} END {print s + 0}')
echo "fuzz.sh: $target: $execs executions in ${seconds}s, $crashes crash(es), $hangs hang(s)."
# The instrumented copy only runs under afl-fuzz: replay with the plain build.
dotnet build tests/fuzz/RegionalWarehouse.Fuzz --nologo -v q >/dev/null
echo "fuzz.sh: replay a finding: dotnet tests/fuzz/RegionalWarehouse.Fuzz/bin/Debug/net10.0/RegionalWarehouse.Fuzz.dll $target --replay $out/findings/default/crashes"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
