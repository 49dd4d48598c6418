#!/usr/bin/env bash
# The main job: build ScoringGrid, score the shipped sample applications offline with `sg`, then start
# Redis, two simulated vendor platforms (one honest, one declaring twice what it shows), the collector
# scraping them, and the scoring server (gRPC h2c on 127.0.0.1:50051, REST and /metrics on 127.0.0.1:8080);
# score the samples through the server over gRPC and REST, verify the platforms' declared figures
# against what the collector observed, load-test one platform's declared capacity (evidence for
# max_concurrency_rps and response_time_ms), and keep serving until Ctrl+C.
#   --once   stop after the demonstration instead of serving on
set -euo pipefail
cd "$(dirname "$0")/.."
once=0; [ "${1:-}" = "--once" ] && once=1
bash scripts/install-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build clients/ScoringGrid.Cli -c Release -nologo -v q -clp:ErrorsOnly
dotnet build server/ScoringGrid.Server -c Release -nologo -v q -clp:ErrorsOnly
dotnet build collector/ScoringGrid.Collector -c Release -nologo -v q -clp:ErrorsOnly
dotnet build load/ScoringGrid.PlatformSimulator -c Release -nologo -v q -clp:ErrorsOnly
dotnet build load/ScoringGrid.Load.Cli -c Release -nologo -v q -clp:ErrorsOnly
sg() { dotnet clients/ScoringGrid.Cli/bin/Release/net10.0/sg.dll "$@"; }
grpc_url=${SG_GRPC_URL:-http://127.0.0.1:50051}
http_url=${SG_HTTP_URL:-http://127.0.0.1:8080}
redis_port=${SG_REDIS_PORT:-6390}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== rule sets"
sg rulesets
echo "== scoring examples/*.json offline (one JSON result per line)"
sg score examples/*.json

echo "== starting Redis (127.0.0.1:$redis_port, AOF everysec), two simulated platforms and the collector"
data=$(mktemp -d)
redis-server collector/redis.conf --port "$redis_port" --dir "$data" --daemonize no >"$data/redis.log" 2>&1 & pids+=($!)
sim=load/ScoringGrid.PlatformSimulator/bin/Release/net10.0/ScoringGrid.PlatformSimulator.dll
dotnet "$sim" --mode honest --port 9101 --devices 5000 >/dev/null 2>&1 & pids+=($!)
dotnet "$sim" --mode lying --port 9102 --devices 5000 >/dev/null 2>&1 & pids+=($!)
sleep 1
dotnet collector/ScoringGrid.Collector/bin/Release/net10.0/sg-collector.dll --targets collector/targets.example.yaml \
  --redis "127.0.0.1:$redis_port" --listen http://127.0.0.1:9464 >"$data/collector.log" 2>&1 & pids+=($!)

echo "== starting the server: gRPC $grpc_url, REST and /metrics $http_url"
dotnet server/ScoringGrid.Server/bin/Release/net10.0/ScoringGrid.Server.dll \
  --urls "$grpc_url" --ScoringGrid:HttpUrls "$http_url" --ScoringGrid:RuleSets "$PWD/rulesets" \
  --ScoringGrid:Redis "127.0.0.1:$redis_port" & server=$!; pids+=($server)
for _ in $(seq 1 100); do
  curl -sf "$http_url/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

echo "== the same samples over gRPC (EvaluateStream)"
sg score --server "$grpc_url" examples/*.json | cut -c1-160
echo "== one sample over REST: POST $http_url/v1/evaluate"
curl -s -X POST -H 'content-type: application/json' --data-binary @examples/js-star-2018-wuxi-textiles.json \
  "$http_url/v1/evaluate" | cut -c1-160; echo
echo "== a few of the server's metrics"
curl -s "$http_url/metrics" | grep '^scoringgrid_evaluations_total' || true

echo "== verifying declared figures against observed metrics (after two scrapes)"
sleep 11
sg verify --server "$grpc_url" --platform demo-honest --figure connected_devices=5000 || true
sg verify --server "$grpc_url" --platform demo-liar --figure connected_devices=5000 || true

echo "== load-testing demo-honest's resource API (capacity 500 req/s): declared 400 req/s within 200 ms, stored as evidence"
dotnet load/ScoringGrid.Load.Cli/bin/Release/net10.0/sg-load.dll capacity --url http://127.0.0.1:9101/api/resource \
  --start 100 --step 100 --max 700 --step-duration 2s --response-time 200ms --declared-rps 400 \
  --record-evidence --redis "127.0.0.1:$redis_port" --platform demo-honest || true
sg verify --server "$grpc_url" --platform demo-honest --figure max_concurrency_rps=400 --figure response_time_ms=200 || true

if [ "$once" = 1 ]; then exit 0; fi
echo "== serving; rule files in rulesets/ reload on change. Ctrl+C to stop."
wait $server
