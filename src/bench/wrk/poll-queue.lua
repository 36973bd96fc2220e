-- A storefront client: one createEmptyCart, then queue for its operation every 100 ms until it is final, then the
-- next. Run with one connection per thread, so that each thread is one client.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local n = 0
local pending = nil

function init(args)
  common.init()
end

function delay()
  if pending then return 100 end
  return 0
end

function request()
  if pending then
    return common.post(string.format(
      '{"query":"query($ids: [String!]!) { queue(operationIdentifiers: $ids) { identifier __typename } }","variables":{"ids":["%s"]}}',
      pending))
  end
  n = n + 1
  return common.post(string.format(
    '{"query":"mutation($m: String!) { createEmptyCart(cartMask: $m) { identifier __typename } }","variables":{"m":"%s-%d"}}',
    common.prefix, n))
end

function response(status, headers, body)
  common.response(status, headers, body)
  local id, typename = body:match('"identifier":"(%x+)","__typename":"(%a+)"')
  if typename == "OperationAccepted" or typename == "OperationInProgress" then
    pending = id
  else
    pending = nil
  end
end

setup = common.setup
done = common.done
