package io.asyncstorefront.cart;

import static io.asyncstorefront.support.Documents.CREATE_CART_STATE;
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

    private static final String ADD = """
            mutation Add($input: [AddProductsToCartInput!]!) { addProductsToCarts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String UPDATE = """
            mutation Update($input: [UpdateCartItemInput!]!) { updateCartItems(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String REMOVE = """
            mutation Remove($input: [RemoveProductsFromCartInput!]!) { removeProductsFromCarts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String ASSIGN = """
            mutation Assign($input: [AssignCustomerToCartInput!]!) { assignCustomersToCarts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String DELETE = """
            mutation Delete($input: [DeleteCartInput!]!) { deleteCarts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String CARTS = """
            query Carts($cartMasks: [String!]!) {
              carts(cartMasks: $cartMasks) { cartMask increment_id items { sku qty } customerEmail }
            }
            """;

    private String cartMask;

    @BeforeEach
    void createCart() {
        cartMask = create();
    }

    @Test
    void aShopperFillsAndChangesACart() {
        mutateAndAwait(ADD, input(
                Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1), item("simple-product-2", 2)))));
        mutateAndAwait(ADD, input(Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 2)))));
        mutateAndAwait(UPDATE, input(Map.of("cartMask", cartMask, "sku", "simple-product-2", "qty", 5)));
        Map<String, Object> removed = mutateAndAwait(REMOVE,
                input(Map.of("cartMask", cartMask, "skus", List.of("simple-product-1"))));
        Map<String, Object> assigned = mutateAndAwait(ASSIGN,
                input(Map.of("cartMask", cartMask, "email", "jane.doe@example.com")));

        assertThat(removed).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(cartOf(removed).get("items")).isEqualTo(List.of(item("simple-product-2", 5)));
        assertThat(assigned.get("changedEntities"))
                .isEqualTo(List.of(Map.of("type", "Cart", "identifiers", List.of(cartMask))));
        assertThat(execute(CARTS, Map.of("cartMasks", List.of(cartMask))).getMap("data.carts[0]"))
                .containsEntry("cartMask", cartMask)
                .containsEntry("customerEmail", "jane.doe@example.com")
                .containsEntry("items", List.of(item("simple-product-2", 5)));
    }

    @Test
    void aBatchChangesSeveralCartsInOneOperation() {
        String other = create();

        Map<String, Object> added = mutateAndAwait(ADD, Map.of("input", List.of(
                Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1))),
                Map.of("cartMask", other, "items", List.of(item("simple-product-2", 2), item("simple-product-3", 3))))));
        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("input", List.of(
                Map.of("cartMask", other, "sku", "simple-product-2", "qty", 7),
                Map.of("cartMask", other, "sku", "simple-product-3", "qty", 1))));
        Map<String, Object> deleted = mutateAndAwait(DELETE, Map.of("input", List.of(Map.of("cartMask", cartMask),
                Map.of("cartMask", other))));

        assertThat(added).containsEntry("__typename", "CartsMutationCompleted");
        assertThat(added.get("changedEntities"))
                .isEqualTo(List.of(Map.of("type", "Cart", "identifiers", List.of(cartMask, other))));
        assertThat(updated).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(cartOf(updated).get("items")).isEqualTo(List.of(item("simple-product-2", 7), item("simple-product-3", 1)));
        assertThat(deleted).containsEntry("__typename", "CartsMutationCompleted");
        assertThat(execute(CARTS, Map.of("cartMasks", List.of(cartMask, other))).getList("data.carts")).isEmpty();
    }

    @Test
    void unknownProductsFailTheWholeOperationWithOneReportPerWrongItem() {
        String other = create();

        Map<String, Object> state = mutateAndAwait(ADD, Map.of("input", List.of(
                Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1), item("no-such-product", 1))),
                Map.of("cartMask", other, "items", List.of(item("simple-product-3", 1), item("gone", 2))))));

        assertThat(state).containsEntry("__typename", "OperationFailed");
        assertThat(state.get("failures")).isEqualTo(List.of(
                validation("No such product with sku no-such-product", 0, "items[1].sku"),
                validation("No such product with sku gone", 1, "items[1].sku")));
        assertThat(itemsOf(cartMask)).isEmpty();
        assertThat(itemsOf(other)).isEmpty();
    }

    @Test
    void aQuantityAboveTheLimitOfACartLineFailsTheOperation() {
        mutateAndAwait(ADD, input(Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 9_000)))));

        Map<String, Object> state = mutateAndAwait(ADD, input(Map.of("cartMask", cartMask, "items", List.of(
                item("simple-product-2", 1), item("simple-product-1", 1_001)))));

        assertThat(state.get("failures")).isEqualTo(List.of(
                validation("A cart holds at most 10000 of one product", 0, "items[1].qty")));
        assertThat(itemsOf(cartMask)).isEqualTo(List.of(item("simple-product-1", 9_000)));
    }

    @Test
    void changingOrRemovingAProductThatIsNotInTheCartFails() {
        mutateAndAwait(ADD, input(Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1)))));

        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("input", List.of(
                Map.of("cartMask", cartMask, "sku", "simple-product-1", "qty", 3),
                Map.of("cartMask", cartMask, "sku", "simple-product-4", "qty", 1))));
        Map<String, Object> removed = mutateAndAwait(REMOVE,
                input(Map.of("cartMask", cartMask, "skus", List.of("simple-product-5"))));

        assertThat(updated.get("failures")).isEqualTo(List.of(
                validation("The cart has no product with sku simple-product-4", 1, "sku")));
        assertThat(removed.get("failures")).isEqualTo(List.of(
                validation("The cart has no product with sku simple-product-5", 0, "skus[0]")));
        assertThat(itemsOf(cartMask)).isEqualTo(List.of(item("simple-product-1", 1)));
    }

    @Test
    void anUnknownCustomerEmailFailsWithTheReportOfTheSeed() {
        Map<String, Object> state = mutateAndAwait(ASSIGN, Map.of("input", List.of(
                Map.of("cartMask", cartMask, "email", "jane.doe@example.com"),
                Map.of("cartMask", create(), "email", "example@example.com"))));

        assertThat(state.get("failures")).isEqualTo(List.of(logical("No such entity with email example@example.com", 1)));
        assertThat(execute(CARTS, Map.of("cartMasks", List.of(cartMask))).getString("data.carts[0].customerEmail")).isNull();
    }

    @Test
    void creatingACartWhoseMaskIsTakenFails() {
        Map<String, Object> state = mutateAndAwait(CREATE_CART_STATE, Map.of("cartMask", cartMask));

        assertThat(state.get("failures"))
                .isEqualTo(List.of(logical("A cart with cartMask " + cartMask + " already exists", null)));
    }

    @Test
    void anOperationOnACartThatDoesNotExistFails() {
        String missing = newCartMask();

        Map<String, Object> state = mutateAndAwait(ADD, Map.of("input", List.of(
                Map.of("cartMask", cartMask, "items", List.of(item("simple-product-1", 1))),
                Map.of("cartMask", missing, "items", List.of(item("simple-product-1", 1))))));

        assertThat(state.get("failures")).isEqualTo(List.of(logical("No such entity with cartMask " + missing, 1)));
        assertThat(itemsOf(cartMask)).isEmpty();
    }

    private static String create() {
        String mask = newCartMask();
        assertThat(mutateAndAwait(CREATE_CART_STATE, Map.of("cartMask", mask))).containsEntry("__typename",
                "PersistOperationCompleted");
        return mask;
    }

    private static List<Object> itemsOf(String mask) {
        return execute(CARTS, Map.of("cartMasks", List.of(mask))).getList("data.carts[0].items");
    }

    private static Map<String, Object> input(Map<String, Object> entry) {
        return Map.of("input", List.of(entry));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cartOf(Map<String, Object> state) {
        return (Map<String, Object>) state.get("cart");
    }

    private static Map<String, Object> item(String sku, int qty) {
        return Map.of("sku", sku, "qty", qty);
    }

    private static Map<String, Object> validation(String message, int inputIndex, String field) {
        return Map.of("__typename", "ValidationErrorReport", "message", message, "inputIndex", inputIndex, "field", field);
    }

    private static Map<String, Object> logical(String message, Integer inputIndex) {
        Map<String, Object> report = new HashMap<>(Map.of("__typename", "LogicalErrorReport", "message", message));
        report.put("inputIndex", inputIndex);
        return report;
    }
}
