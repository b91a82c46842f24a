-- wrk script: at the end, one machine-readable line with the latency percentiles (ms),
-- requests per second and the error counts. Used by Benchmarks/web-latency.sh.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f requests=%d non2xx=%d socket_errors=%d bytes_per_req=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / seconds, summary.requests,
    e.status, e.connect + e.read + e.write + e.timeout,
    summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0))
end
