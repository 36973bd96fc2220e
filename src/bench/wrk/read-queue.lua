-- queue for identifiers that no operation has: reads only.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local n = 0

function init(args)
  common.init()
end

function request()
  n = n + 1
  return common.post(string.format(
    '{"query":"query($ids: [String!]!) { queue(operationIdentifiers: $ids) { identifier __typename } }","variables":{"ids":["%012x%028x"]}}',
    1700000000000 + n, n))
end

response = common.response
setup = common.setup
done = common.done
