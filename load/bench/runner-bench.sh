#!/usr/bin/env bash
# ScoringGrid's own throughput, measured with our load runner (sg-load) on loopback:
#   Evaluate under constant concurrency (closed model: requests/s and service-time percentiles)
#   and EvaluateStream throughput over one stream (ScoringClient.EvaluateManyAsync), FULL and SCORES views.
# h2load cross-check of the same server: load/bench/grpc-bench.sh.
# Usage: bash load/bench/runner-bench.sh [seconds-per-run (default 20)] [concurrency levels (default "1 4 16 64")]
# Environment: SG_BENCH_NO_BUILD=1 uses existing Release builds; SG_BENCH_STREAM_COUNT (default 200000).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load/bench/bench-lib.sh"
seconds=${1:-20}; levels=${2:-"1 4 16 64"}
stream_count=${SG_BENCH_STREAM_COUNT:-400000}; streams=${SG_BENCH_STREAMS:-1}

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${SG_BENCH_NO_BUILD:-}" ]; then
  dotnet build "$root/server/ScoringGrid.Server" -c Release -nologo -v q -clp:ErrorsOnly
  dotnet build "$root/load/ScoringGrid.Load.Cli" -c Release -nologo -v q -clp:ErrorsOnly
fi
sg_load=(dotnet "$root/load/ScoringGrid.Load.Cli/bin/Release/net10.0/sg-load.dll")


port=$(free_port)
dotnet "$root/server/ScoringGrid.Server/bin/Release/net10.0/ScoringGrid.Server.dll" --urls "http://127.0.0.1:$port" \
  --Logging:LogLevel:Default Warning >"$work/server.log" 2>&1 & pids+=($!)
wait_port "$port"
address="http://127.0.0.1:$port"
example="$root/examples/js-star-2019-suzhou-gear.json"

field() { # json-file dotted-path -> value
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); [v:=v[k] for k in sys.argv[2].split(".")]; print(v)' "$1" "$2"
}

rows=()
for c in $levels; do
  out="$work/c$c.json"
  "${sg_load[@]}" run --grpc "$address" --application "$example" --concurrency "$c" --duration "${seconds}s" --warmup 3s \
    --threshold 'errors<1%' --json "$out" >/dev/null || { echo "sg-load run failed at concurrency $c" >&2; cat "$out" >&2 || true; exit 1; }
  rows+=("$(printf '| Evaluate, %s in flight (closed) | %.0f | %.3f | %.3f | %.3f | %s |' "$c" \
    "$(field "$out" throughput_rps)" "$(field "$out" latency.p50)" "$(field "$out" latency.p99)" "$(field "$out" latency.max)" "$(field "$out" failed)")")
  peak=$(field "$out" throughput_rps)
done

# Half of the highest closed-model rate, offered as an open model (arrivals do not wait for
# answers), so the percentiles include queueing: the issue's "p99 at half of peak".
half=$(python3 -c "print(max(1, int(float('$peak') / 2)))")
out="$work/half.json"
"${sg_load[@]}" run --grpc "$address" --application "$example" --rate "$half" --duration "${seconds}s" --warmup 3s \
  --threshold 'errors<1%' --json "$out" >/dev/null || { echo "sg-load run failed at rate $half" >&2; cat "$out" >&2 || true; exit 1; }
rows+=("$(printf '| Evaluate, %s/s offered (open, half of the last closed rate) | %.0f | %.3f | %.3f | %.3f | %s |' "$half" \
  "$(field "$out" throughput_rps)" "$(field "$out" latency.p50)" "$(field "$out" latency.p99)" "$(field "$out" latency.max)" "$(field "$out" failed)")")

stream_rate() { # view -> applications/s
  local line
  line=$("${sg_load[@]}" stream --grpc "$address" --application "$example" --count "$stream_count" --streams "$streams" --view "$1" --warmup-count 50000)
  sed -n 's/.* = \([0-9]*\) responses\/s.*/\1/p' <<<"$line"
}
stream_full=$(stream_rate full)
stream_scores=$(stream_rate scores)

echo
echo "sg-load against ScoringGrid.Server on 127.0.0.1, ${seconds} s per run after a 3 s warm-up, $(nproc) cores shared by load generator and server"
echo
echo "| load | requests/s | p50 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
printf '| EvaluateStream FULL view, %s stream(s), %s applications | %s | | | | 0 |\n' "$streams" "$stream_count" "$stream_full"
printf '| EvaluateStream SCORES view, %s stream(s), %s applications | %s | | | | 0 |\n' "$streams" "$stream_count" "$stream_scores"
