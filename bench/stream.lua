-- The cached mix: each request takes the next path given after `--`, and the answers
-- the page cache served are counted (X-Page-Cache: hit) to give the hit rate.
local paths = {}
local next_index = 1
-- Globals, not locals: done() reads each thread's through thread:get.
hits = 0
counted = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

request = function()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  counted = counted + 1
  if headers["X-Page-Cache"] == "hit" then
    hits = hits + 1
  end
end

done = function(summary, latency, requests)
  local all_hits, all_counted = 0, 0
  for _, thread in ipairs(threads) do
    all_hits = all_hits + thread:get("hits")
    all_counted = all_counted + thread:get("counted")
  end
  local errors = summary.errors
  io.write(string.format(
    "BENCH {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p95_us\": %d, " ..
    "\"p99_us\": %d, \"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, " ..
    "\"timeout\": %d, \"hits\": %d, \"counted\": %d}\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    all_hits, all_counted))
end
