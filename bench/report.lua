-- wrk reports p50/p75/p90/p99 only; the benchmark needs p95 and every error kind.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p95_us\": %d, " ..
    "\"p99_us\": %d, \"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, " ..
    "\"timeout\": %d}\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
