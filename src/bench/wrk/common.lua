-- Shared by the wrk scripts: request building, GraphQL error counting, and one RESULT line for run.sh.
local common = {}
local threads = {}

common.prefix = "bench"
errors = 0

function common.init()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  common.prefix = string.format("bench-%d-%d", os.time(), math.random(1000000000))
end

function common.post(body)
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, body)
end

function common.response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    errors = errors + 1
  end
end

function common.setup(thread)
  table.insert(threads, thread)
end

function common.done(summary, latency, requests)
  local graphql_errors = 0
  for _, thread in ipairs(threads) do
    graphql_errors = graphql_errors + (thread:get("errors") or 0)
  end
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    failed + graphql_errors))
end

return common
