#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for running and testing ScoringGrid.
# Idempotent: a package already present is not installed again; safe to call from every entry point.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

apt_packages=(
  redis-server            # collector storage, rounds (tests start their own on free ports)
  python3-grpcio          # real gRPC peer for interop tests (Debian's /usr/bin/python3)
  python3-protobuf
  python3-jsonschema      # an outside JSON Schema validator for the REST API's OpenAPI description
  protobuf-compiler       # protoc --python_out for the Python peer
  libprotobuf-dev         # google/protobuf/*.proto (struct.proto) for protoc -I /usr/include
  nghttp2-client          # h2load / nghttp: outside HTTP/2 load and deadline checks
  prometheus              # promtool check metrics, and a real scraper in tests
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: apt installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts these as services on install; tests run their own instances on free ports.
  for svc in redis-server prometheus; do
    $sudo_cmd systemctl stop "$svc" >/dev/null 2>&1 || $sudo_cmd service "$svc" stop >/dev/null 2>&1 || true
  done
fi

# Node packages (@grpc/grpc-js), pinned by package-lock: the interop tests' peer, and the Node client
# example (which the interop tests run too).
for node_dir in "$here/tests/interop/node" "$here/clients/examples/node"; do
  if [ -f "$node_dir/package.json" ] && [ ! -d "$node_dir/node_modules/@grpc/grpc-js" ]; then
    echo "install-deps: npm ci in ${node_dir#"$here"/}" >&2
    (cd "$node_dir" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })
  fi
done
