#!/usr/bin/env bash
# Makes (or reuses) the venv the peers run in: Benchmarks/scale/venv.sh DIR. Quiet unless it fails.
# The versions are pinned so that runs on different days compare the same peers.
set -euo pipefail
venv=$1
packages=${PEER_PACKAGES:-"duckdb==2.0.1 pandas==3.1.1 pyarrow==26.0.1"}
if ! "$venv/bin/python" -c 'import duckdb, pandas, pyarrow' 2> /dev/null; then
  log=$(mktemp)
  # Debian's own python3 needs python3-venv for `-m venv`.
  if ! python3 -c 'import ensurepip' 2> /dev/null && command -v apt-get > /dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } > "$log" 2>&1 || true
  fi
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check --no-input $packages; } > "$log" 2>&1; then
    echo "making the peers' venv in $venv failed:" >&2; cat "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
fi
