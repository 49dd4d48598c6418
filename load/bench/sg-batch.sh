#!/usr/bin/env bash
# sg score in batch mode: N applications as JSON lines on stdin (the js-star-2019 example with its own
# id each), scored offline and then by a local server over one EvaluateStream (`sg score --server`), in
# turns. Reports elapsed seconds, CPU seconds and peak memory of the sg process for each, and checks
# that both print the same number of lines.
# Usage: bash load/bench/sg-batch.sh [applications (default 50000)] [rounds (default 3)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/load/bench/bench-lib.sh"
count=${1:-50000}; runs=${2:-3}
apt_ensure time # GNU time, for sg's CPU time and peak memory; Debian's minimal images lack it
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/server/ScoringGrid.Server" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build "$root/clients/ScoringGrid.Cli" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
sg="$root/clients/ScoringGrid.Cli/bin/Release/net10.0/sg.dll"

port=$(free_port)
dotnet "$root/server/ScoringGrid.Server/bin/Release/net10.0/ScoringGrid.Server.dll" --urls "http://127.0.0.1:$port" \
  --Logging:LogLevel:Default Warning >"$work/server.log" 2>&1 & pids+=($!)
wait_port "$port"

example=$(ls "$root"/examples/js-star-2019-*.json | head -n 1)
python3 - "$example" "$count" >"$work/apps.jsonl" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
for i in range(int(sys.argv[2])):
    document["id"] = f"app-{i}"
    print(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
PY

measure() { # label sg-arguments... -> one table row
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$sg" score "$@" - <"$work/apps.jsonl" >"$work/out.jsonl" || [ $? = 2 ]
  local lines; lines=$(wc -l <"$work/out.jsonl")
  [ "$lines" = "$count" ] || { echo "$label printed $lines lines for $count applications" >&2; exit 1; }
  read -r elapsed user sys rss <"$work/time"
  printf '| %s | %s | %.0f | %.2f | %.0f |\n' "$label" "$elapsed" "$(awk -v c="$count" -v e="$elapsed" 'BEGIN { print c / e }')" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$(( rss / 1024 ))"
}
measure "warm-up (server)" --server "http://127.0.0.1:$port" >/dev/null
echo "sg score, $count applications on stdin, $runs rounds, $(nproc) cores shared by sg and the server"
echo
echo "| mode | elapsed s | applications/s | sg CPU s | sg peak MB |"
echo "|---|---:|---:|---:|---:|"
for _ in $(seq 1 "$runs"); do
  measure offline
  measure "--server (EvaluateStream)" --server "http://127.0.0.1:$port"
done
