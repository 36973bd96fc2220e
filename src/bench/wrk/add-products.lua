-- addProductsToCarts with one product per call: a cart among bench-cart-1 .. bench-cart-<BENCH_CARTS> and a product
-- among bench-product-1 .. bench-product-<BENCH_PRODUCTS>, both at random.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local carts = tonumber(os.getenv("BENCH_CARTS") or "1000")
local products = tonumber(os.getenv("BENCH_PRODUCTS") or "1000")

function init(args)
  common.init()
end

function request()
  return common.post(string.format(
    '{"query":"mutation($m: String!, $s: String!) { addProductsToCarts(input: [{cartMask: $m, items: [{sku: $s, qty: 1}]}]) { identifier __typename } }","variables":{"m":"bench-cart-%d","s":"bench-product-%d"}}',
    math.random(carts), math.random(products)))
end

response = common.response
setup = common.setup
done = common.done
