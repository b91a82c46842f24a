#!/usr/bin/env bash
# CI's agreement check (issue 8): a small generated ledger analysed by Snoei (`analyze --from`, CSV
# and JSON) and by the two peers, DuckDB and pandas (Benchmarks/scale/peers.py); fails when any
# customer's figure or a portfolio figure differs. Not a benchmark: one run each, times only shown.
#
#   Benchmarks/scale/agreement-check.sh [SNOEI]      (default .build/debug/snoei, as `swift test` builds it)
#
# First the hand-made ledger of edge cases (Benchmarks/scale/edge-ledger, imported and analysed from
# the store as of 2025-12-31), then the generated one.
#
# Environment: CUSTOMERS (default 10000), AS_OF (2026-11-24), SEED (7), VENV (/tmp/snoei-peers-venv),
# PEERS_ARGS (more options for peers.py, e.g. --cpk-format-literal).
set -euo pipefail
cd "$(dirname "$0")/../.."
snoei=$(realpath "${1:-${SNOEI:-.build/debug/snoei}}")
customers=${CUSTOMERS:-10000}
as_of=${AS_OF:-2026-11-24}
seed=${SEED:-7}
venv=${VENV:-/tmp/snoei-peers-venv}

Benchmarks/scale/venv.sh "$venv"
work=$(mktemp -d /tmp/snoei-agreement.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$snoei" policy init --path "$work/policy.toml" --force > /dev/null

echo "-- edge cases (Benchmarks/scale/edge-ledger, as of 2025-12-31)"
"$snoei" import Benchmarks/scale/edge-ledger --database "$work/edge.sqlite" > /dev/null
for fmt in csv json; do
  "$snoei" analyze --database "$work/edge.sqlite" --as-of 2025-12-31 --format $fmt --no-value \
    --policy "$work/policy.toml" > "$work/edge.$fmt"
done
# shellcheck disable=SC2086
"$venv/bin/python" Benchmarks/scale/peers.py Benchmarks/scale/edge-ledger 2025-12-31 --policy "$work/policy.toml" \
  --runs 1 --snoei-csv "$work/edge.csv" --snoei-json "$work/edge.json" ${PEERS_ARGS:-}

echo "-- generated ledger: $customers customers, as of $as_of"
start=$SECONDS
help=$("$snoei" --help)  # not piped into grep -q: with pipefail an early exit of grep could fail the test
if grep -qE '^ +generate\b' <<< "$help"; then
  "$snoei" generate --customers "$customers" --seed "$seed" --as-of "$as_of" "$work/ledger" > /dev/null
  source=(--from "$work/ledger")
else
  # A binary without `generate` (before issue 8's generator): the scaled demo firm, exported.
  "$snoei" demo --customers "$customers" --end "$as_of" --seed "$seed" --database "$work/demo.sqlite" > /dev/null
  "$snoei" export "$work/ledger" --database "$work/demo.sqlite" > /dev/null
  source=(--database "$work/demo.sqlite")
  echo "(no \`snoei generate\`: using the demo firm, exported; Snoei analyses the store)"
fi
echo "ledger: $(( $(cat "$work"/ledger/*.csv | wc -l) )) lines in $(ls "$work/ledger" | wc -l) files, made in $((SECONDS - start)) s"

start=$SECONDS
"$snoei" analyze "${source[@]}" --as-of "$as_of" --format csv --no-value --policy "$work/policy.toml" > "$work/snoei.csv"
"$snoei" analyze "${source[@]}" --as-of "$as_of" --format json --no-value --policy "$work/policy.toml" > "$work/snoei.json"
echo "snoei analyze (csv + json): $((SECONDS - start)) s"

# shellcheck disable=SC2086
"$venv/bin/python" Benchmarks/scale/peers.py "$work/ledger" "$as_of" --policy "$work/policy.toml" --runs 1 \
  --snoei-csv "$work/snoei.csv" --snoei-json "$work/snoei.json" ${PEERS_ARGS:-}
