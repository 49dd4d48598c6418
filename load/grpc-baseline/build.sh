#!/usr/bin/env bash
# Builds the C++ baseline server from our protos with Debian's protoc, grpc_cpp_plugin and libgrpc++.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$here/build}
mkdir -p "$out/gen"
protos=(scoringgrid/v1/application.proto scoringgrid/v1/result.proto scoringgrid/v1/ruleset.proto scoringgrid/v1/verification.proto scoringgrid/v1/scoring.proto)
protoc -I "$root/proto" -I /usr/include --cpp_out="$out/gen" "${protos[@]}"
protoc -I "$root/proto" -I /usr/include --grpc_out="$out/gen" --plugin=protoc-gen-grpc="$(command -v grpc_cpp_plugin)" scoringgrid/v1/scoring.proto
srcs=("$here/baseline_server.cc")
for p in "${protos[@]}"; do srcs+=("$out/gen/${p%.proto}.pb.cc"); done
srcs+=("$out/gen/scoringgrid/v1/scoring.grpc.pb.cc")
g++ -O2 -std=c++17 -I "$out/gen" "${srcs[@]}" -o "$out/baseline_server" \
  $(pkg-config --cflags --libs grpc++ protobuf) -lpthread
echo "$out/baseline_server"
