#!/usr/bin/env bash
# Regenerates, in one go, every table of docs/benchmarks.md: the scoring engine (BenchmarkDotNet), Evaluate
# over gRPC vs bare Kestrel and C++ grpc (h2load), sg score in batch mode, our load runner on the same server,
# and collector ingest.
# Takes about 25 minutes on 2 cores; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/bench-engine.sh
bash load/bench/grpc-bench.sh 200000 5
bash load/bench/sg-batch.sh 50000 3
bash load/bench/runner-bench.sh 10 "1 4 16 64"
bash load/bench/collector-ingest.sh 3000 30
(cd load/ScoringGrid.Benchmarks && dotnet bin/Release/net10.0/ScoringGrid.Benchmarks.dll --filter '*Ranking*' --job short \
  && cat BenchmarkDotNet.Artifacts/results/*Ranking*-report-github.md)
