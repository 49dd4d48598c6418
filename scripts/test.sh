#!/usr/bin/env bash
# Runs every test of ScoringGrid on this machine, installing what it lacks first
# (apt: redis-server, python3-grpcio, protoc, nghttp2-client, prometheus; npm: @grpc/grpc-js).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build ScoringGrid.sln -c Release -nologo -v q -clp:ErrorsOnly

results=$(mktemp -d)
status=0
# One test project at a time: several of them start real servers (Redis, Python, Node peers).
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  # No --no-build: a test project missing from the solution still gets built (incrementally: cheap otherwise).
  dotnet test "$proj" -c Release -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m || status=1
done

# One closing line for the whole run, summed from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
