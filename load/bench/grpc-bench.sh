#!/usr/bin/env bash
# Evaluate requests/s, measured with h2load (an outside HTTP/2 load generator) in one run, on loopback:
#   ScoringGrid server  vs  bare Kestrel returning fixed bytes (ceiling)  vs  C++ grpc server (Debian 1.51, callback API).
# All three answer the same EvaluateRequest (examples/js-star-2019-*.json); the baselines return ScoringGrid's own
# response bytes. h2load counts HTTP status only, so each server is first checked for grpc-status OK with grpcio.
# Then EvaluateStream: applications/s over one stream, h2load sending 10,000 framed requests per stream, against a
# streaming ceiling (the Kestrel app answering every frame). Servers take turns within each round, in reverse order
# every other round, and ratios are the median of the per-round ratios (the VM drifts); each server gets 10 s of load first (the tiered JIT). Between the
# two: ScoringGrid's transport alone (its Health/Check against the ceiling), and latency percentiles at half of
# ScoringGrid's peak rate, for ScoringGrid and for the ceiling at the same rate (and the ceiling at half of its own
# peak, whether the target can be met on this machine at all). Beside requests/s, each run
# reports the server's CPU time per request (from /proc), which moves with the VM's drift much less.
# Usage: bash load/bench/grpc-bench.sh [requests-per-run (default 200000)] [rounds (default 5)]
#   SG_BENCH_LATENCY_ROUNDS (default 3): rounds of the latency rows, judged by their median.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load/bench/bench-lib.sh"
n=${1:-200000}; runs=${2:-5}
conns=${SG_BENCH_CONNECTIONS:-16}; streams=${SG_BENCH_STREAMS:-32}
stream_count=10000; stream_calls=$(( (n + stream_count - 1) / stream_count ))

bench_packages=(libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev pkg-config g++ nghttp2-client python3-grpcio python3-protobuf protobuf-compiler curl)
apt_ensure "${bench_packages[@]}"

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work" "${latency_log_dir:-}"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Both .NET servers (ScoringGrid and the Kestrel ceiling) run with the same runtime settings. By default
# the framework's precompiled (ReadyToRun) code is not used, so the JIT compiles Kestrel and the rest with
# dynamic PGO, as the server is meant to run in production (see docs/benchmarks.md): SG_BENCH_DOTNET_ENV=""
# measures both with the runtime's defaults instead.
read -r -a dotnet_env <<<"${SG_BENCH_DOTNET_ENV-DOTNET_ReadyToRun=0}"
dotnet build "$root/server/ScoringGrid.Server" -c Release -nologo -v q -clp:ErrorsOnly
dotnet build "$root/load/ScoringGrid.Load.Ceiling" -c Release -nologo -v q -clp:ErrorsOnly
bash "$root/load/grpc-baseline/build.sh" "$work/cpp" >/dev/null

p_sg=$(free_port); p_ceiling=$(free_port); p_cpp=$(free_port); p_ceiling_s=$(free_port); p_cpp_s=$(free_port)
env "${dotnet_env[@]}" dotnet "$root/server/ScoringGrid.Server/bin/Release/net10.0/ScoringGrid.Server.dll" --urls "http://127.0.0.1:$p_sg" \
  --Logging:LogLevel:Default Warning >"$work/sg.log" 2>&1 & pids+=($!)
declare -A pid_of; pid_of[$p_sg]=$!
wait_port "$p_sg"
example=$(ls "$root"/examples/js-star-2019-*.json | head -n 1)
/usr/bin/python3 "$root/load/bench/grpc_bodies.py" --proto-root "$root/proto" --example "$example" --out "$work" --server "127.0.0.1:$p_sg"
env "${dotnet_env[@]}" dotnet "$root/load/ScoringGrid.Load.Ceiling/bin/Release/net10.0/ScoringGrid.Load.Ceiling.dll" "$p_ceiling" "$work/response.bin" >/dev/null 2>&1 & pids+=($!); pid_of[$p_ceiling]=$!
"$work/cpp/baseline_server" "$p_cpp" "$work/response.bin" >/dev/null 2>&1 & pids+=($!); pid_of[$p_cpp]=$!
# The same baselines returning the SCORES-view response, so each view is compared with servers sending as many bytes.
env "${dotnet_env[@]}" dotnet "$root/load/ScoringGrid.Load.Ceiling/bin/Release/net10.0/ScoringGrid.Load.Ceiling.dll" "$p_ceiling_s" "$work/response_scores.bin" >/dev/null 2>&1 & pids+=($!); pid_of[$p_ceiling_s]=$!
"$work/cpp/baseline_server" "$p_cpp_s" "$work/response_scores.bin" >/dev/null 2>&1 & pids+=($!); pid_of[$p_cpp_s]=$!
wait_port "$p_ceiling"; wait_port "$p_cpp"; wait_port "$p_ceiling_s"; wait_port "$p_cpp_s"
/usr/bin/python3 "$root/load/bench/grpc_bodies.py" --proto-root "$root/proto" --example "$example" --out "$work" \
  --stream-count "$stream_count" --check "127.0.0.1:$p_sg" "127.0.0.1:$p_ceiling" "127.0.0.1:$p_cpp" --check-stream "127.0.0.1:$p_sg"

# A server's CPU time (user + system, all its threads, in clock ticks) from /proc.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${pid_of[$1]}/stat"; }
ticks_per_s=$(getconf CLK_TCK)
# CPU per request drifts with the VM much less than requests/s do: the server's CPU time over a run,
# divided by the requests it answered (h2load's own CPU, and the kernel's work on h2load's side, not counted).
per_request_us() { # ticks requests -> µs of server CPU per request
  awk -v t="$1" -v r="$2" -v hz="$ticks_per_s" 'BEGIN { printf "%.2f", t * 1e6 / hz / r }'
}
rate() { # port [body] [path] -> "req/s µs-of-server-CPU-per-request" of one h2load run (after a short warm-up)
  local url="http://127.0.0.1:$1${3:-/scoringgrid.v1.Scoring/Evaluate}"
  local args=(-d "${2:-$work/request.bin}" -H 'content-type: application/grpc' -H 'te: trailers' -c "$conns" -m "$streams" -t 1)
  h2load "${args[@]}" -n 20000 "$url" >/dev/null
  local before; before=$(cpu_ticks "$1")
  local out; out=$(h2load "${args[@]}" -n "$n" "$url")
  local used=$(( $(cpu_ticks "$1") - before ))
  grep -q "succeeded, 0 failed, 0 errored" <<<"$out" || { echo "$out" >&2; return 1; }
  echo "$(sed -n 's/.*finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' <<<"$out") $(per_request_us "$used" "$n")"
}
warm() { # port body [path]: ~10 s of load on a server before it is measured
  h2load -d "$2" -H 'content-type: application/grpc' -H 'te: trailers' -c "$conns" -m "$streams" -t 1 -D 10 \
    "http://127.0.0.1:$1${3:-/scoringgrid.v1.Scoring/Evaluate}" >/dev/null
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Over the calling function's `rounds` (one line of fields per round): the median of field k, and
# the median of the per-round ratios of fields a and b.
col() { for r in "${rounds[@]}"; do awk -v k="$1" '{ print $k }' <<<"$r"; done | median; }
ratio() { for r in "${rounds[@]}"; do awk -v a="$1" -v b="$2" '{ printf "%.4f\n", $a / $b }' <<<"$r"; done | median; }
# The VM's speed drifts over minutes, so the servers take turns within each round (ceiling, ScoringGrid,
# C++, then the reverse in the next round) and the ratios are the median of the per-round ratios; req/s
# columns are medians of the runs.
run_view() { # label sg-body ceiling-port cpp-port
  local label=$1 body=$2 c s g rounds=()
  # Steady state first: under load the tiered JIT keeps recompiling for several seconds (dotnet-counters:
  # ~2.5 s of JIT time in the first 6 s, tapering off by ~20 s), more so for the server with more code.
  for port in "$3" "$p_sg" "$4"; do warm "$port" "$body"; done
  for round in $(seq 1 "$runs"); do
    # Odd rounds run ceiling, ScoringGrid, C++; even rounds the reverse, so a drift in the VM's speed
    # during a round favours neither side over the run.
    if ((round % 2)); then
      c=$(rate "$3" "$body"); s=$(rate "$p_sg" "$body"); g=$(rate "$4" "$body")
    else
      g=$(rate "$4" "$body"); s=$(rate "$p_sg" "$body"); c=$(rate "$3" "$body")
    fi
    # Each of c, s, g is "req/s cpu-µs-per-request": fields 1-2 ceiling, 3-4 ScoringGrid, 5-6 C++.
    rounds+=("$c $s $g")
  done
  echo
  echo "$label view: h2load -n $n -c $conns -m $streams -t 1, $runs rounds (each server once per round, in reverse order every other round), $(nproc) cores shared by load generator and server; .NET servers with: ${dotnet_env[*]:-runtime defaults}"
  echo "per round (ceiling / ScoringGrid / C++, req/s and µs of server CPU per request): $(printf '%s; ' "${rounds[@]}")"
  echo
  echo "| server | Evaluate req/s (median) | ratio to ceiling (median of rounds) | ratio to C++ grpc (median of rounds) | server CPU µs per request (median) | CPU per request vs ceiling (median of rounds) |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '| ceiling | %.0f | 1.00 | %.2f | %.2f | 1.00 |\n' "$(col 1)" "$(ratio 1 5)" "$(col 2)"
  printf '| scoringgrid | %.0f | %.2f | %.2f | %.2f | %.2f |\n' "$(col 3)" "$(ratio 3 1)" "$(ratio 3 5)" "$(col 4)" "$(ratio 4 2)"
  sg_peak[$label]=$(col 3); ceiling_peak[$label]=$(col 1)
  printf '| cpp | %.0f | %.2f | 1.00 | %.2f | %.2f |\n' "$(col 5)" "$(ratio 5 1)" "$(col 6)" "$(ratio 6 2)"
}
declare -A sg_peak ceiling_peak
run_view FULL "$work/request.bin" "$p_ceiling" "$p_cpp"
run_view SCORES "$work/request_scores.bin" "$p_ceiling_s" "$p_cpp_s"

# Where the gap to the ceiling lies: ScoringGrid's own grpc.health.v1.Health/Check (an empty request, a
# 2-byte answer) goes through the same transport, API-key interceptor and metrics as Evaluate but does no
# scoring; the SCORES ceiling, taking turns with it, is the bare-Kestrel reference.
printf '\0\0\0\0\0' >"$work/health.bin"
health=/grpc.health.v1.Health/Check
warm "$p_ceiling_s" "$work/health.bin"; warm "$p_sg" "$work/health.bin" "$health"
transport=(); transport_cpu=()
for round in $(seq 1 "$runs"); do
  if ((round % 2)); then
    c=$(rate "$p_ceiling_s" "$work/health.bin"); s=$(rate "$p_sg" "$work/health.bin" "$health")
  else
    s=$(rate "$p_sg" "$work/health.bin" "$health"); c=$(rate "$p_ceiling_s" "$work/health.bin")
  fi
  transport+=("$(awk -v c="${c%% *}" -v s="${s%% *}" 'BEGIN { printf "%.4f", s / c }')")
  transport_cpu+=("$(awk -v c="${c#* }" -v s="${s#* }" 'BEGIN { printf "%.4f", s / c }')")
done
echo
echo "Transport alone (ScoringGrid Health/Check vs the ceiling, $runs rounds): ratio to ceiling $(printf '%s\n' "${transport[@]}" | median) (rounds: ${transport[*]}); server CPU per request vs the ceiling $(printf '%s\n' "${transport_cpu[@]}" | median) (rounds: ${transport_cpu[*]})"

# Latency at half of peak: h2load offers half of ScoringGrid's median rate above, spread evenly over its
# connections (--rps per connection), for 10 s, to ScoringGrid and then to the ceiling; every
# request's time until its response ended comes from h2load's log file (only HTTP 200 counted; the grpcio
# check above proved the statuses). h2load's rate mode sends each connection's due requests together on a
# 10 ms tick that starts when the connection is made (seen with strace). So the generator's shape decides
# how bursty the same rate is, and each server is measured in three shapes:
#   burst: one h2load, as the peak was. Its connections connect at once, so their ticks coincide and
#     every 10 ms the server gets 5 ms of work (half its peak) at once: the last request of a burst waits
#     about 5 ms behind it, whatever the server. This shows the generator more than the server.
#   4procs: 4 h2load processes sharing the connections, whose ticks fall wherever the processes happened
#     to start, so that a burst is a quarter as large.
#   spread: one h2load whose connections open about 1 ms apart (-r 1 --rate-period 1ms), so their
#     ticks fall at different phases of the 10 ms period: the same rate, offered as evenly as this
#     generator can. -r excludes -D, so the 10 s are given as a request count.
# The ceiling's rows show how much of each shape's latency is the generator's.
# A connection's tick must not carry more requests than its streams allow (-m): h2load holds the rest
# until a stream frees and times them from when they are sent, not from when they were due. Before
# stop 21 that hid most of the latency above 51,200 requests/s (16 connections x 32 streams x 100
# ticks): the ceiling at 75,000/s over 16 connections showed p99 2.3 ms with -m 32, 23-25 ms with
# -m 100 (48 connections of -m 32: 5-26 ms). So there are at least 16 connections, and enough more
# (a multiple of 4) that a tick carries at most half of -m.
# h2load writes one log line per request with its own write(2): on this VM's disk that cost ~8 µs of
# system time each on the cores the server shares (p99 doubled), so the logs go to tmpfs when there is one.
latency_log_dir=$work; [ -d /dev/shm ] && [ -w /dev/shm ] && latency_log_dir=$(mktemp -d /dev/shm/sg-bench.XXXXXX)
latency_connections() { # peak -> connections for the rate at half of it
  local offered=$(( ${1%.*} / 2 )) per_tick=$(( streams / 2 ))
  local needed=$(( (offered + 100 * per_tick - 1) / (100 * per_tick) ))
  needed=$(( (needed + 3) / 4 * 4 ))
  echo $(( needed > conns ? needed : conns ))
}
# ScoringGrid's own GC figures from its /metrics: "collections pause-seconds" so far.
sg_gc() {
  curl -s --http2-prior-knowledge "http://127.0.0.1:$p_sg/metrics" | awk '
    /^dotnet_gc_collections_total/ { n += $2 } /^dotnet_gc_pause_time_seconds_total/ { p = $2 } END { printf "%d %s", n, p }'
}
latency_at_half() { # label body server-label port shape (burst | 4procs | spread) peak
  local rate=${6%.*} lat_conns; lat_conns=$(latency_connections "$6")
  local gc_before="" gc_after gc_field="-"
  [ "$4" = "$p_sg" ] && gc_before=$(sg_gc)
  local per=$(( rate / 2 / lat_conns )) procs=1 i bad
  local run_pids=() args=(-D 10)
  case $5 in
    4procs) procs=4 ;;
    spread) args=(-n $(( per * lat_conns * 10 )) -r 1 --rate-period 1ms) ;;
  esac
  rm -f "$latency_log_dir"/latency.*
  for i in $(seq 1 "$procs"); do
    h2load -d "$2" -H 'content-type: application/grpc' -H 'te: trailers' -c $(( lat_conns / procs )) -m "$streams" -t 1 \
      --rps "$per" "${args[@]}" --log-file "$latency_log_dir/latency.$i.log" "http://127.0.0.1:$4/scoringgrid.v1.Scoring/Evaluate" \
      >"$latency_log_dir/latency.$i.out" & run_pids+=($!)
  done
  for i in "${run_pids[@]}"; do wait "$i"; done
  for i in $(seq 1 "$procs"); do
    grep -q " 0 failed, 0 errored" "$latency_log_dir/latency.$i.out" || { cat "$latency_log_dir/latency.$i.out" >&2; return 1; }
  done
  bad=$(cat "$latency_log_dir"/latency.*.log | awk -F'\t' '$2 != 200' | wc -l)
  [ "$bad" = 0 ] || { echo "latency run: $bad responses not HTTP 200" >&2; return 1; }
  # Served = responses over the longest h2load's run time (a spread run ends when its count is done).
  local seconds; seconds=$(sed -n 's/^finished in \([0-9.]*\)s,.*/\1/p' "$latency_log_dir"/latency.*.out | sort -g | tail -n 1)
  if [ -n "$gc_before" ]; then
    gc_after=$(sg_gc)
    gc_field=$(awk -v b="$gc_before" -v a="$gc_after" -v s="$seconds" 'BEGIN { split(b, x, " "); split(a, y, " ");
      printf "%.1f / %.1f", (y[1] - x[1]) / s, (y[2] - x[2]) * 1000 / s }')
  fi
  # The row, and for the summary its view, server, shape and p99.
  cat "$latency_log_dir"/latency.*.log | awk -F'\t' '{ print $3 / 1000 }' | sort -n | awk -v label="$1 | $3 | $5 | $lat_conns" \
    -v key="$1|$3|$5" -v summary="$work/latency-p99" -v offered=$(( per * lat_conns )) -v seconds="$seconds" -v gc="$gc_field" '
    { t[NR] = $1 }
    END { printf "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %s |\n", label, offered, NR / seconds, t[int(NR * 0.5)], t[int(NR * 0.99)], t[int(NR * 0.999)], t[NR], gc
          printf "%s|%.2f\n", key, t[int(NR * 0.99)] >> summary }'
}
# One view and shape: ScoringGrid and the ceiling at half of ScoringGrid's peak, then the ceiling at half of
# its own peak; the reverse order in even rounds. The last row asks whether the target can be met on this
# machine at all: the ceiling does no work, so half of its peak is a higher rate than half of ScoringGrid's,
# and the generator, on the same two cores, costs about as much per request as the ceiling (h2load's own CPU
# time: 2.6-3.3 µs per request in rate mode at 128,000/s, against 5 µs for the ceiling).
latency_trio() { # label body ceiling-port shape round
  local sg_peak_rate=${sg_peak[$1]} own_peak=${ceiling_peak[$1]}
  if (($5 % 2)); then
    latency_at_half "$1" "$2" scoringgrid "$p_sg" "$4" "$sg_peak_rate"; latency_at_half "$1" "$2" ceiling "$3" "$4" "$sg_peak_rate"
    latency_at_half "$1" "$2" ceiling-own "$3" "$4" "$own_peak"
  else
    latency_at_half "$1" "$2" ceiling-own "$3" "$4" "$own_peak"
    latency_at_half "$1" "$2" ceiling "$3" "$4" "$sg_peak_rate"; latency_at_half "$1" "$2" scoringgrid "$p_sg" "$4" "$sg_peak_rate"
  fi
}
latency_rounds=${SG_BENCH_LATENCY_ROUNDS:-3}
echo
echo "Latency at half of peak (ScoringGrid's, for it and the ceiling; the ceiling's own, for the ceiling-own rows): h2load --rps per connection, -m $streams, at most $(( streams / 2 )) requests per connection per 10 ms tick, 10 s each, in three generator shapes (burst, 4procs, spread: see the script), $latency_rounds rounds taking turns; GC: ScoringGrid's collections/s and pause ms/s during the row, from its /metrics"
echo
echo "| view | server | generator shape | connections | offered req/s | served req/s | p50 ms | p99 ms | p99.9 ms | max ms | GC /s, pause ms/s |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
# One 10-s p99 on this VM moves by 2-3x between consecutive runs of the same server at the same rate,
# so each row is measured in rounds (servers in turn, reversed every other round) and judged by the median.
: >"$work/latency-p99"
for round in $(seq 1 "$latency_rounds"); do
  for shape in burst 4procs spread; do
    latency_trio FULL "$work/request.bin" "$p_ceiling" "$shape" "$round"
    latency_trio SCORES "$work/request_scores.bin" "$p_ceiling_s" "$shape" "$round"
  done
done
echo
echo "p99 at half of peak, median of $latency_rounds rounds (the rounds' p99s in brackets, sorted)"
echo
echo "| view | generator shape | ScoringGrid p99 ms | ceiling p99 ms | ceiling at half of its own peak (of $(printf '%.0f' "${ceiling_peak[FULL]}") FULL, $(printf '%.0f' "${ceiling_peak[SCORES]}") SCORES req/s), p99 ms |"
echo "|---|---|---|---|---|"
for view in FULL SCORES; do
  for shape in burst 4procs spread; do
    cells=()
    for server in scoringgrid ceiling ceiling-own; do
      p99s=$(awk -F'|' -v k="$view|$server|$shape" '$1 "|" $2 "|" $3 == k { print $4 }' "$work/latency-p99" | sort -g)
      cells+=("$(median <<<"$p99s") ($(paste -sd, <<<"$p99s" | sed 's/,/, /g'))")
    done
    echo "| $view | $shape | ${cells[0]} | ${cells[1]} | ${cells[2]} |"
  done
done

# EvaluateStream: h2load sends a body of $stream_count framed requests on one HTTP/2 stream per call, one call
# at a time (-c 1 -m 1), so applications/s = calls/s x $stream_count. h2load does not decode responses;
# the grpcio check above proved that each stream response equals the unary one, and here every
# response byte must arrive: data received = calls x $stream_count x (5 + response size).
stream_rate() { # body response [warm-up streams] [port] -> "applications/s µs-of-server-CPU-per-application" of one run
  local port=${4:-$p_sg}; local url="http://127.0.0.1:$port/scoringgrid.v1.Scoring/EvaluateStream"
  local args=(-d "$1" -H 'content-type: application/grpc' -H 'te: trailers' -c 1 -m 1 -t 1)
  local per=$(( $(stat -c %s "$2") + 5 ))
  h2load "${args[@]}" -n "${3:-3}" "$url" >/dev/null
  local before; before=$(cpu_ticks "$port")
  local out; out=$(h2load "${args[@]}" -n "$stream_calls" "$url")
  local used=$(( $(cpu_ticks "$port") - before ))
  grep -q "succeeded, 0 failed, 0 errored" <<<"$out" || { echo "$out" >&2; return 1; }
  local data; data=$(sed -n 's/^traffic:.* (\([0-9]*\)) data$/\1/p' <<<"$out")
  [ "$data" = $(( stream_calls * stream_count * per )) ] || { echo "EvaluateStream: $data response bytes, expected $(( stream_calls * stream_count * per ))" >&2; return 1; }
  echo "$(awk -v r="$(sed -n 's/.*finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' <<<"$out")" -v k="$stream_count" 'BEGIN { printf "%.0f", r * k }') $(per_request_us "$used" $(( stream_calls * stream_count )))"
}
# The stream path (batching, parallel scoring) is JIT-compiled in tiers while it runs: on two cores
# that takes a few hundred thousand applications, which the first, discarded run of each view absorbs.
stream_rate "$work/stream.bin" "$work/response.bin" 30 >/dev/null
stream_rate "$work/stream_scores.bin" "$work/response_scores.bin" 30 >/dev/null
# The streaming ceiling: Kestrel answering every request frame with the fixed response bytes, no parsing.
stream_view() { # label body response ceiling-port; rounds as in run_view
  local c s rounds=()
  for round in $(seq 1 "$runs"); do
    if ((round % 2)); then
      c=$(stream_rate "$2" "$3" 3 "$4"); s=$(stream_rate "$2" "$3")
    else
      s=$(stream_rate "$2" "$3"); c=$(stream_rate "$2" "$3" 3 "$4")
    fi
    # Fields: 1-2 ScoringGrid (applications/s, µs of server CPU per application), 3-4 the ceiling.
    rounds+=("$s $c")
  done
  printf '| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f |\n' "$1" "$(col 1)" "$(col 3)" "$(ratio 1 3)" "$(col 2)" "$(col 4)" "$(ratio 2 4)"
}
echo
echo "EvaluateStream, one stream at a time: h2load -c 1 -m 1 -n $stream_calls, $stream_count applications per stream, $runs rounds"
echo
echo "| view | ScoringGrid applications/s (median) | ceiling, fixed bytes per frame (median) | ratio (median of rounds) | ScoringGrid CPU µs per application | ceiling CPU µs per application | CPU ratio (median of rounds) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
stream_view FULL "$work/stream.bin" "$work/response.bin" "$p_ceiling"
stream_view SCORES "$work/stream_scores.bin" "$work/response_scores.bin" "$p_ceiling_s"
