package io.asyncstorefront.cart;

import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The cart flow of a shopper, followed the way a client does; {@link CartMutationsSyncTest} runs it in sync mode. */
@QuarkusTest
class CartMutationsTest {

    private static final String CREATE = """
            mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String ADD = """
            mutation Add($cartMask: String!, $items: [CartItemInput!]!) {
              addProductsToCart(cartMask: $cartMask, items: $items) { %s }
            }
            """.formatted(STATE_FIELDS);
    private static final String UPDATE = """
            mutation Update($cartMask: String!, $items: [CartItemInput!]!) {
              updateCartItems(cartMask: $cartMask, items: $items) { %s }
            }
            """.formatted(STATE_FIELDS);
    private static final String REMOVE = """
            mutation Remove($cartMask: String!, $skus: [String!]!) {
              removeProductsFromCart(cartMask: $cartMask, skus: $skus) { %s }
            }
            """.formatted(STATE_FIELDS);
    private static final String ASSIGN = """
            mutation Assign($cartMask: String!, $email: String!) {
              assignCustomerToCart(cartMask: $cartMask, email: $email) { %s }
            }
            """.formatted(STATE_FIELDS);
    private static final String CART = """
            query Cart($cartMask: String!) { cart(cartMask: $cartMask) { cartMask increment_id items { sku qty } customerEmail } }
            """;

    private String cartMask;

    @BeforeEach
    void createCart() {
        cartMask = newCartMask();
        assertThat(mutateAndAwait(CREATE, Map.of("cartMask", cartMask))).containsEntry("__typename",
                "PersistOperationCompleted");
    }

    @Test
    void aShopperFillsAndChangesACart() {
        mutateAndAwait(ADD,
                Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1), item("simple-product-2", 2))));
        mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 2))));
        mutateAndAwait(UPDATE, Map.of("cartMask", cartMask, "items", List.of(item("simple-product-2", 5))));
        Map<String, Object> removed = mutateAndAwait(REMOVE, Map.of("cartMask", cartMask, "skus", List.of("simple-product-1")));
        Map<String, Object> assigned = mutateAndAwait(ASSIGN, Map.of("cartMask", cartMask, "email", "jane.doe@example.com"));

        assertThat(removed).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(cartOf(removed).get("items")).isEqualTo(List.of(item("simple-product-2", 5)));
        assertThat(assigned.get("changedEntities"))
                .isEqualTo(List.of(Map.of("type", "Cart", "identifiers", List.of(cartMask))));
        assertThat(execute(CART, Map.of("cartMask", cartMask)).getMap("data.cart"))
                .containsEntry("cartMask", cartMask)
                .containsEntry("customerEmail", "jane.doe@example.com")
                .containsEntry("items", List.of(item("simple-product-2", 5)));
    }

    @Test
    void unknownProductsFailTheWholeOperationWithOneReportPerWrongItem() {
        Map<String, Object> state = mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(
                item("simple-product-1", 1), item("no-such-product", 1), item("simple-product-3", 1), item("gone", 2))));

        assertThat(state).containsEntry("__typename", "OperationFailed");
        assertThat(state.get("failures")).isEqualTo(List.of(
                validation("No such product with sku no-such-product", "items[1].sku"),
                validation("No such product with sku gone", "items[3].sku")));
        assertThat(itemsOfCart()).isEmpty();
    }

    @Test
    void aQuantityAboveTheLimitOfACartLineFailsTheOperation() {
        mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 9_000))));

        Map<String, Object> state = mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(
                item("simple-product-2", 1), item("simple-product-1", 1_001))));

        assertThat(state.get("failures")).isEqualTo(List.of(
                validation("A cart holds at most 10000 of one product", "items[1].qty")));
        assertThat(itemsOfCart()).isEqualTo(List.of(item("simple-product-1", 9_000)));
    }

    @Test
    void changingOrRemovingAProductThatIsNotInTheCartFails() {
        mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1))));

        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("cartMask", cartMask, "items", List.of(
                item("simple-product-1", 3), item("simple-product-4", 1))));
        Map<String, Object> removed = mutateAndAwait(REMOVE, Map.of("cartMask", cartMask, "skus", List.of("simple-product-5")));

        assertThat(updated.get("failures")).isEqualTo(List.of(
                validation("The cart has no product with sku simple-product-4", "items[1].sku")));
        assertThat(removed.get("failures")).isEqualTo(List.of(
                validation("The cart has no product with sku simple-product-5", "skus[0]")));
        assertThat(itemsOfCart()).isEqualTo(List.of(item("simple-product-1", 1)));
    }

    @Test
    void creatingACartWhoseMaskIsTakenFails() {
        Map<String, Object> state = mutateAndAwait(CREATE, Map.of("cartMask", cartMask));

        assertThat(state.get("failures")).isEqualTo(List.of(logical("A cart with cartMask " + cartMask + " already exists")));
    }

    @Test
    void anOperationOnACartThatDoesNotExistFails() {
        String missing = newCartMask();

        Map<String, Object> state = mutateAndAwait(ADD,
                Map.of("cartMask", missing, "items", List.of(item("simple-product-1", 1))));

        assertThat(state.get("failures")).isEqualTo(List.of(logical("No such entity with cartMask " + missing)));
        assertThat(execute(CART, Map.of("cartMask", missing)).getMap("data.cart")).isNull();
    }

    private List<Object> itemsOfCart() {
        return execute(CART, Map.of("cartMask", cartMask)).getList("data.cart.items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cartOf(Map<String, Object> state) {
        return (Map<String, Object>) state.get("cart");
    }

    private static Map<String, Object> item(String sku, int qty) {
        return Map.of("sku", sku, "qty", qty);
    }

    private static Map<String, Object> validation(String message, String field) {
        Map<String, Object> report = new HashMap<>(Map.of("__typename", "ValidationErrorReport", "message", message,
                "field", field));
        report.put("inputIndex", null);
        return report;
    }

    private static Map<String, Object> logical(String message) {
        Map<String, Object> report = new HashMap<>(Map.of("__typename", "LogicalErrorReport", "message", message));
        report.put("inputIndex", null);
        return report;
    }
}
