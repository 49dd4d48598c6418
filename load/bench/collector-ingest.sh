#!/usr/bin/env bash
# Collector ingest into a real Redis on loopback: N targets (default 3000, more than one collector keeps up with) of about 200 series each,
# all served by one platform simulator, scraped every 5 s; reports samples/s and scrapes/s written,
# and how many 200-series targets that is at the 15 s default interval, and the CPU each process spent per
# sample written (user + system time, with reaped children, over the window): unlike samples/s that figure holds on a machine busy with other work.
# Usage: bash load/bench/collector-ingest.sh [targets (3000)] [measure-seconds (30)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load/bench/bench-lib.sh"
targets=${1:-3000}; seconds=${2:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/collector/ScoringGrid.Collector" -c Release -nologo -v q -clp:ErrorsOnly
dotnet build "$root/load/ScoringGrid.PlatformSimulator" -c Release -nologo -v q -clp:ErrorsOnly

work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
p_redis=$(free_port); p_sim=$(free_port); p_col=$(free_port)

redis-server "$root/collector/redis.conf" --port "$p_redis" --dir "$work" --daemonize no >"$work/redis.log" 2>&1 & pids+=($!)
pid_redis=$!
dotnet "$root/load/ScoringGrid.PlatformSimulator/bin/Release/net10.0/ScoringGrid.PlatformSimulator.dll" \
  --mode honest --port "$p_sim" --types 190 >/dev/null 2>&1 & pids+=($!)
pid_sim=$!
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
pid_col=$!
wait_port "$p_col"

# CPU ticks of a process and its reaped children (utime stime cutime cstime: Redis' AOF rewrites are
# forked children); fields counted after the ")" that closes its name.
ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat"; }
cpu() { echo "$(ticks "$pid_redis") $(ticks "$pid_col") $(ticks "$pid_sim") $(awk '{ print $2 + $3 + $4 + $7 + $8 }' <(head -1 /proc/stat))"; }
counter() { curl -s "http://127.0.0.1:$p_col/metrics" | awk -v m="$1" '$1 ~ "^"m { s += $NF } END { printf "%.0f", s }'; }
sleep 10   # every target scraped at least once; JIT and connections warm
redis-cli -p "$p_redis" config resetstat >/dev/null
w0=$(counter sg_collector_samples_written_total); s0=$(counter 'sg_collector_scrapes_total\\{.*result="success"'); t0=$(date +%s.%N); c0=$(cpu)
sleep "$seconds"
w1=$(counter sg_collector_samples_written_total); s1=$(counter 'sg_collector_scrapes_total\\{.*result="success"'); t1=$(date +%s.%N); c1=$(cpu)
stats=$(redis-cli -p "$p_redis" info commandstats | tr -d '\r')

awk -v t="$targets" -v n="$series" -v w0="$w0" -v w1="$w1" -v s0="$s0" -v s1="$s1" -v t0="$t0" -v t1="$t1" -v c="$(nproc)" \
  -v c0="$c0" -v c1="$c1" -v hz="$(getconf CLK_TCK)" -v stats="$stats" 'BEGIN {
  d = t1 - t0; sps = (w1 - w0) / d; scr = (s1 - s0) / d
  printf "\n%d targets x %d samples, 5 s interval, %.0f s measured, %d cores shared by simulator, collector and Redis\n\n", t, n, d, c
  print "| figure | value |"; print "|---|---:|"
  printf "| samples/s written to Redis | %.0f |\n| scrapes/s | %.1f |\n| 200-series targets one collector keeps at 15 s | %.0f |\n", sps, scr, sps * 15 / 200
  split(c0, a); split(c1, b); w = w1 - w0
  split("Redis collector simulator", who, " ")
  for (i = 1; i <= 3; i++) { us = (b[i] - a[i]) / hz * 1e6 / w; all += us; printf "| CPU µs per sample: %s | %.1f |\n", who[i], us }
  printf "| CPU µs per sample: these three | %.1f |\n", all
  # Busy time of the whole machine (all processes, all cores) over the window: how much else ran.
  printf "| machine busy, %% of %d cores (others: %.0f%%) | %.0f%% |\n", c, ((b[4] - a[4]) / hz - all * w / 1e6) * 100 / (d * c), (b[4] - a[4]) / hz * 100 / (d * c)
  m = split(stats, line, "\n")
  for (i = 1; i <= m; i++) if (match(line[i], /^cmdstat_([a-z]+):calls=([0-9]+),usec=([0-9]+)/)) {
    split(line[i], f, /[:=,]/); if (f[5] / w >= 0.05) printf "| Redis %s: calls, µs per sample | %.2f, %.2f |\n", substr(f[1], 9), f[3] / w, f[5] / w
  }
}'
