#!/usr/bin/env bash
# The main job: build ScoringGrid and score every shipped sample application with `sg`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build clients/ScoringGrid.Cli -c Release -nologo -v q -clp:ErrorsOnly
sg() { dotnet clients/ScoringGrid.Cli/bin/Release/net10.0/sg.dll "$@"; }

echo "== rule sets"
sg rulesets
echo "== scoring examples/*.json"
sg score examples/*.json
