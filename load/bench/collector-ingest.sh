#!/usr/bin/env bash
# Collector ingest into a real Redis on loopback: N targets (default 3000, more than one collector keeps up with) of about 200 series each,
# all served by one platform simulator, scraped every 5 s; reports samples/s and scrapes/s written,
# and how many 200-series targets that is at the 15 s default interval.
# Usage: bash load/bench/collector-ingest.sh [targets (3000)] [measure-seconds (30)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
targets=${1:-3000}; seconds=${2:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/collector/ScoringGrid.Collector" -c Release -nologo -v q -clp:ErrorsOnly
dotnet build "$root/load/ScoringGrid.PlatformSimulator" -c Release -nologo -v q -clp:ErrorsOnly

work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }
p_redis=$(free_port); p_sim=$(free_port); p_col=$(free_port)

redis-server "$root/collector/redis.conf" --port "$p_redis" --dir "$work" --daemonize no >"$work/redis.log" 2>&1 & pids+=($!)
dotnet "$root/load/ScoringGrid.PlatformSimulator/bin/Release/net10.0/ScoringGrid.PlatformSimulator.dll" \
  --mode honest --port "$p_sim" --types 190 >/dev/null 2>&1 & pids+=($!)
wait_port "$p_redis"; wait_port "$p_sim"
series=$(curl -s "http://127.0.0.1:$p_sim/metrics" | grep -vc '^#')
{
  echo "targets:"
  for i in $(seq 1 "$targets"); do
    printf '  - {platform_id: bench-%04d, url: "http://127.0.0.1:%s/metrics", interval: 5s, timeout: 4s}\n' "$i" "$p_sim"
  done
} >"$work/targets.yaml"
dotnet "$root/collector/ScoringGrid.Collector/bin/Release/net10.0/sg-collector.dll" --targets "$work/targets.yaml" \
  --redis "127.0.0.1:$p_redis" --listen "http://127.0.0.1:$p_col" >"$work/collector.log" 2>&1 & pids+=($!)
wait_port "$p_col"

counter() { curl -s "http://127.0.0.1:$p_col/metrics" | awk -v m="$1" '$1 ~ "^"m { s += $NF } END { printf "%.0f", s }'; }
sleep 10   # every target scraped at least once; JIT and connections warm
w0=$(counter sg_collector_samples_written_total); s0=$(counter 'sg_collector_scrapes_total\\{.*result="success"'); t0=$(date +%s.%N)
sleep "$seconds"
w1=$(counter sg_collector_samples_written_total); s1=$(counter 'sg_collector_scrapes_total\\{.*result="success"'); t1=$(date +%s.%N)

awk -v t="$targets" -v n="$series" -v w0="$w0" -v w1="$w1" -v s0="$s0" -v s1="$s1" -v t0="$t0" -v t1="$t1" -v c="$(nproc)" 'BEGIN {
  d = t1 - t0; sps = (w1 - w0) / d; scr = (s1 - s0) / d
  printf "\n%d targets x %d samples, 5 s interval, %.0f s measured, %d cores shared by simulator, collector and Redis\n\n", t, n, d, c
  print "| figure | value |"; print "|---|---:|"
  printf "| samples/s written to Redis | %.0f |\n| scrapes/s | %.1f |\n| 200-series targets one collector keeps at 15 s | %.0f |\n", sps, scr, sps * 15 / 200
}'
