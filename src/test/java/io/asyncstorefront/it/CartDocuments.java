package io.asyncstorefront.it;

/** The GraphQL documents that the tests of the packaged service send. */
final class CartDocuments {

    static final String CREATE = """
            mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { identifier __typename } }
            """;

    /** Adds one unit of the product $sku. */
    static final String ADD = """
            mutation Add($cartMask: String!, $sku: String!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: [{sku: $sku, qty: 1}]}]) {
                identifier
                __typename
              }
            }
            """;

    /** Adds one unit of the product $sku, under the idempotency key $key. */
    static final String ADD_ONCE = """
            mutation AddOnce($cartMask: String!, $sku: String!, $key: String!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: [{sku: $sku, qty: 1}]}]) @idempotent(key: $key) {
                identifier
                __typename
              }
            }
            """;

    static final String CART = """
            query Cart($cartMask: String!) { carts(cartMasks: [$cartMask]) { items { sku qty } } }
            """;

    private CartDocuments() {
    }
}
