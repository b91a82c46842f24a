#!/usr/bin/env bash
# Latency of the web app on a large demo ledger, measured with wrk. See BENCHMARKS.md.
#
#   swift build -c release --product snoei --scratch-path .build-bench
#   Benchmarks/web-latency.sh                 # 100,000 customers, 3 runs of 20 s per page
#
# Settings (environment): SNOEI (the binary), CUSTOMERS, END, DIR (database and results),
# PORT, RUNS, DURATION, THREADS, CONNECTIONS, TIMEOUT (wrk's, per request),
# REUSE_DB=1 (keep an existing database).
# Needs wrk (apt-get install wrk), curl and python3. Prints a Markdown table of the medians
# over the runs and writes every run to $DIR/results-*.tsv.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
SNOEI=${SNOEI:-$root/.build-bench/release/snoei}
CUSTOMERS=${CUSTOMERS:-100000}
END=${END:-2026-11-24}
DIR=${DIR:-/tmp/bench}
PORT=${PORT:-18080}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-4}
TIMEOUT=${TIMEOUT:-10s}
REUSE_DB=${REUSE_DB:-0}
DB=$DIR/bench-$CUSTOMERS.sqlite
BASE=http://127.0.0.1:$PORT

# The pages: dashboard, first page of the list, a sorted and filtered page, two customers
# (the copy-0 large customer with three years of history, and a customer of a thinned copy).
PAGES=(
  "/"
  "/customers"
  "/customers?sort=contribution&recommendation=fix&page=3"
  "/customers/C0003"
  "/customers/K125-C0038"
)

command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }
[ -x "$SNOEI" ] || { echo "$SNOEI not built" >&2; exit 1; }
mkdir -p "$DIR"
stamp=$(date +%Y%m%d-%H%M%S)
results=$DIR/results-$stamp.tsv
log=$DIR/serve-$stamp.log
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "# binary: $SNOEI"

if [ "$REUSE_DB" != 1 ] || [ ! -f "$DB" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  t0=$(now)
  /usr/bin/time -f "%M" -o "$DIR/demo-rss-$stamp.txt" \
    "$SNOEI" demo --customers "$CUSTOMERS" --end "$END" --database "$DB" --lang en > "$DIR/demo-$stamp.log"
  t1=$(now)
  echo "# create database: $(elapsed "$t0" "$t1") s, peak RSS $(( $(cat "$DIR/demo-rss-$stamp.txt") / 1024 )) MiB"
  head -1 "$DIR/demo-$stamp.log" | sed 's/^/# /'
fi
echo "# database: $DB, $(du -m "$DB" | cut -f1) MiB"

t0=$(now)
"$SNOEI" serve --database "$DB" --port "$PORT" --host 127.0.0.1 --as-of "$END" > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
until curl -sf "$BASE/health" > /dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "server exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.05
done
t1=$(now)
rss() { awk -v k="$1:" '$1 == k {printf "%d", $2/1024}' /proc/$pid/status; }
echo "# start-up until /health answers: $(elapsed "$t0" "$t1") s; VmRSS $(rss VmRSS) MiB, VmHWM $(rss VmHWM) MiB"
curl -s "$BASE/health"; echo

# First request of each page (a sort order is computed on its first use), then a warm-up.
for page in "${PAGES[@]}"; do
  first=$(curl -s -o /dev/null -w "%{time_total} %{http_code} %{size_download}" "$BASE$page")
  echo "# first request $page: ${first% * *} s (HTTP $(echo "$first" | cut -d' ' -f2), $(echo "$first" | cut -d' ' -f3) bytes)"
done
for page in "${PAGES[@]}"; do wrk -t1 -c1 -d2s --timeout "$TIMEOUT" "$BASE$page" > /dev/null; done

# Runs interleave the pages, so a noisy minute on the shared machine hits every page a little.
printf "run\tpage\tload1\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trps\trequests\tnon2xx\tsocket_errors\tbytes_per_req\n" > "$results"
for run in $(seq 1 "$RUNS"); do
  for page in "${PAGES[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$here/percentiles.lua" "$BASE$page" | grep '^RESULT')
    printf "%s\t%s\t%s" "$run" "$page" "$load" >> "$results"
    for kv in ${line#RESULT }; do printf "\t%s" "${kv#*=}" >> "$results"; done
    printf "\n" >> "$results"
    echo "# run $run $page (load average before: $load): ${line#RESULT }"
  done
done
echo "# after the runs: VmRSS $(rss VmRSS) MiB, VmHWM $(rss VmHWM) MiB"

python3 - "$results" "$THREADS" "$CONNECTIONS" "$DURATION" "$RUNS" <<'EOF'
import csv, statistics, sys
path, threads, conns, duration, runs = sys.argv[1:]
rows = list(csv.DictReader(open(path), delimiter="\t"))
pages = list(dict.fromkeys(r["page"] for r in rows))
print(f"\nMedians of {runs} runs (wrk -t{threads} -c{conns} -d{duration}), {path}\n")
print("| page | p50 ms | p95 ms | p99 ms | requests/s | errors | load avg before runs |")
print("|---|---:|---:|---:|---:|---:|---|")
for p in pages:
    rs = [r for r in rows if r["page"] == p]
    med = lambda k: statistics.median(float(r[k]) for r in rs)
    errors = sum(int(r["non2xx"]) + int(r["socket_errors"]) for r in rs)
    loads = " / ".join(r["load1"] for r in rs)
    print(f"| `{p}` | {med('p50_ms'):.1f} | {med('p95_ms'):.1f} | {med('p99_ms'):.1f} | {med('rps'):.0f} | {errors} | {loads} |")
EOF
