-- addProductsToCarts with one product per call, every call the same product (a "hot" product, which every addition
-- reads), over the carts bench-cart-1 .. bench-cart-<BENCH_CARTS>.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local carts = tonumber(os.getenv("BENCH_CARTS") or "1000")

function init(args)
  common.init()
end

function request()
  return common.post(string.format(
    '{"query":"mutation($m: String!) { addProductsToCarts(input: [{cartMask: $m, items: [{sku: \\"bench-product-1\\", qty: 1}]}]) { identifier __typename } }","variables":{"m":"bench-cart-%d"}}',
    math.random(carts)))
end

response = common.response
setup = common.setup
done = common.done
