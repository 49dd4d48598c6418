#!/usr/bin/env bash
# Scoring-engine microbenchmarks (BenchmarkDotNet): explained evaluations per second and bytes allocated, per rule set,
# against a hand-written baseline and JSON in → JSON out. Results land in load/ScoringGrid.Benchmarks/BenchmarkDotNet.Artifacts.
#   bash scripts/bench-engine.sh            # short job (≈ 8 min)
#   bash scripts/bench-engine.sh --job default   # BenchmarkDotNet's full default job
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
job=(--job short); [ $# -gt 0 ] && job=("$@")
dotnet build load/ScoringGrid.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
cd load/ScoringGrid.Benchmarks
dotnet bin/Release/net10.0/ScoringGrid.Benchmarks.dll --filter '*EngineBenchmarks*' '*HandWritten*' '*EndToEnd*' "${job[@]}"
cat BenchmarkDotNet.Artifacts/results/*-report-github.md
