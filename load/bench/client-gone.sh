#!/usr/bin/env bash
# How calls end when their client leaves: h2load runs cut off after 1 s with calls in flight (unary Evaluate,
# -c 16 -m 32; EvaluateStream, -c 4 -m 4), against one ScoringGrid server. Prints the server's request counts
# by status from /metrics and how many errors it logged: every call should end OK or CANCELLED, with no error.
# Usage: bash load/bench/client-gone.sh [runs of each kind (default 18)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load/bench/bench-lib.sh"
runs=${1:-18}
for tool in h2load curl; do command -v "$tool" >/dev/null || { echo "needs $tool (apt: nghttp2-client, curl)" >&2; exit 2; }; done

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/server/ScoringGrid.Server" -c Release -nologo -v q -clp:ErrorsOnly

port=$(free_port)
DOTNET_ReadyToRun=0 dotnet "$root/server/ScoringGrid.Server/bin/Release/net10.0/ScoringGrid.Server.dll" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default Warning >"$work/server.log" 2>&1 & pid=$!
wait_port "$port"
example=$(ls "$root"/examples/js-star-2019-*.json | head -n 1)
/usr/bin/python3 "$root/load/bench/grpc_bodies.py" --proto-root "$root/proto" --example "$example" --out "$work" \
  --stream-count 10000 --server "127.0.0.1:$port"

grpc=(-H 'content-type: application/grpc' -H 'te: trailers' -t 1 -D 1)
for _ in $(seq 1 "$runs"); do
  h2load "${grpc[@]}" -d "$work/stream.bin" -c 4 -m 4 "http://127.0.0.1:$port/scoringgrid.v1.Scoring/EvaluateStream" >/dev/null
  h2load "${grpc[@]}" -d "$work/request.bin" -c 16 -m 32 "http://127.0.0.1:$port/scoringgrid.v1.Scoring/Evaluate" >/dev/null
done
sleep 1
curl -s --http2-prior-knowledge "http://127.0.0.1:$port/metrics" | grep -E '^scoringgrid_requests_total\{method="/scoringgrid.v1.Scoring/'
echo "error log entries: $(grep -c 'fail:' "$work/server.log" || true)"
