-- addProductsToCarts with one product per call: a cart among bench-cart-1 .. bench-cart-<BENCH_CARTS> at random, and a
-- product at random among the BENCH_ITEMS_PER_CART (20) that this cart takes, its own window of bench-product-1 ..
-- bench-product-<BENCH_PRODUCTS>. So the products spread over the carts while each cart stays as small as a shopper's;
-- with any product in any cart, carts grew to about 200 items through a run.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local carts = tonumber(os.getenv("BENCH_CARTS") or "1000")
local products = tonumber(os.getenv("BENCH_PRODUCTS") or "1000")
local window = tonumber(os.getenv("BENCH_ITEMS_PER_CART") or "20")

function init(args)
  common.init()
end

function request()
  local cart = math.random(carts)
  local product = ((cart - 1) * window + math.random(window) - 1) % products + 1
  return common.post(string.format(
    '{"query":"mutation($m: String!, $s: String!) { addProductsToCarts(input: [{cartMask: $m, items: [{sku: $s, qty: 1}]}]) { identifier __typename } }","variables":{"m":"bench-cart-%d","s":"bench-product-%d"}}',
    cart, product))
end

response = common.response
setup = common.setup
done = common.done
