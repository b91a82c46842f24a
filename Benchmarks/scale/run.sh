#!/usr/bin/env bash
# The scale benchmark of issue 8: Snoei against DuckDB and pandas on the same CSV ledger.
#
#   Benchmarks/scale/run.sh 10000 100000 1000000
#
# Environment:
#   SNOEI=path      use this snoei binary (default: build it, `swift build -c release --product snoei
#                   --scratch-path .build-bench`)
#   VENV=dir        the Python venv for the peers (default /tmp/snoei-peers-venv; created if needed)
#   DATA=dir        where the ledgers are generated, once per size (default /tmp/snoei-scale; outside
#                   the repo: 2.2 GB at 1M customers)
#   RUNS=n          rounds per size (default 3; the table shows medians)
#   AS_OF, SEED     the ledger's as-of date and seed (default 2026-11-24, 1)
#   MAX_LOAD, MAX_WAIT   wait until the 1-minute load average is below MAX_LOAD (default 0.3), at
#                   most MAX_WAIT seconds (default 900); the load and other processes' CPU are recorded
#   BENCH_ARGS      more options for bench.py (e.g. --no-import, --json-max 0)
# Results: a table on stdout, one JSON per size in Benchmarks/results/ (every run).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || { echo "usage: $0 SIZES… (e.g. 10000 100000 1000000)" >&2; exit 2; }

VENV=${VENV:-/tmp/snoei-peers-venv}
"$(dirname "$0")/venv.sh" "$VENV"

if [ -z "${SNOEI:-}" ]; then
  swift build -c release --product snoei --scratch-path .build-bench 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
  SNOEI=.build-bench/release/snoei
fi
[ -x "$SNOEI" ] || { echo "no snoei binary at $SNOEI" >&2; exit 2; }

# shellcheck disable=SC2086
exec "$VENV/bin/python" Benchmarks/scale/bench.py --snoei "$SNOEI" --runs "${RUNS:-3}" \
  --as-of "${AS_OF:-2026-11-24}" --seed "${SEED:-1}" --data "${DATA:-/tmp/snoei-scale}" \
  --max-load "${MAX_LOAD:-0.3}" --max-wait "${MAX_WAIT:-900}" ${BENCH_ARGS:-} "$@"
