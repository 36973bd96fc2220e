package io.asyncstorefront.support;

/**
 * GraphQL documents that many tests send, written once: those of the application's tests and those of the packaged
 * service's. A document that only one test sends stays in that test.
 */
public final class Documents {

    /** Creates the empty cart $cartMask. */
    public static final String CREATE_CART = """
            mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { identifier __typename } }
            """;

    /** Creates the empty cart $cartMask, selecting what a client selects of its state. */
    public static final String CREATE_CART_STATE = """
            mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { %s } }
            """.formatted(GraphQLClient.STATE_FIELDS);

    /** Adds one unit of the product $sku. */
    public static final String ADD = """
            mutation Add($cartMask: String!, $sku: String!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: [{sku: $sku, qty: 1}]}]) {
                identifier
                __typename
              }
            }
            """;

    /** Adds one unit of the product $sku, under the idempotency key $key. */
    public static final String ADD_ONCE = """
            mutation AddOnce($cartMask: String!, $sku: String!, $key: String!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: [{sku: $sku, qty: 1}]}]) @idempotent(key: $key) {
                identifier
                __typename
              }
            }
            """;

    /** Cancels the operations $ids, selecting what a client selects of their states. */
    public static final String CANCEL = """
            mutation Cancel($ids: [String!]!) { cancelOperations(operationIdentifiers: $ids) { %s } }
            """.formatted(GraphQLClient.STATE_FIELDS);

    /** The items of the cart $cartMask. */
    public static final String CART = """
            query Cart($cartMask: String!) { carts(cartMasks: [$cartMask]) { items { sku qty } } }
            """;

    private Documents() {
    }
}
