-- createEmptyCart with a fresh mask per request.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local n = 0

function init(args)
  common.init()
end

function request()
  n = n + 1
  return common.post(string.format(
    '{"query":"mutation($m: String!) { createEmptyCart(cartMask: $m) { identifier __typename } }","variables":{"m":"%s-%d"}}',
    common.prefix, n))
end

response = common.response
setup = common.setup
done = common.done
