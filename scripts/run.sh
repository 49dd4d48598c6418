#!/usr/bin/env bash
# The main job: build ScoringGrid, score the shipped sample applications offline with `sg`, then start
# the scoring server (gRPC h2c on 127.0.0.1:50051, REST and /metrics on 127.0.0.1:8080), score the same
# samples through it over gRPC and REST, and keep serving until Ctrl+C.
#   --once   stop after the demonstration instead of serving on
set -euo pipefail
cd "$(dirname "$0")/.."
once=0; [ "${1:-}" = "--once" ] && once=1
bash scripts/install-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build clients/ScoringGrid.Cli -c Release -nologo -v q -clp:ErrorsOnly
dotnet build server/ScoringGrid.Server -c Release -nologo -v q -clp:ErrorsOnly
sg() { dotnet clients/ScoringGrid.Cli/bin/Release/net10.0/sg.dll "$@"; }
grpc_url=${SG_GRPC_URL:-http://127.0.0.1:50051}
http_url=${SG_HTTP_URL:-http://127.0.0.1:8080}

echo "== rule sets"
sg rulesets
echo "== scoring examples/*.json offline (one JSON result per line)"
sg score examples/*.json

echo "== starting the server: gRPC $grpc_url, REST and /metrics $http_url"
dotnet server/ScoringGrid.Server/bin/Release/net10.0/ScoringGrid.Server.dll \
  --urls "$grpc_url" --ScoringGrid:HttpUrls "$http_url" --ScoringGrid:RuleSets "$PWD/rulesets" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
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

if [ "$once" = 1 ]; then exit 0; fi
echo "== serving; rule files in rulesets/ reload on change. Ctrl+C to stop."
wait $server
