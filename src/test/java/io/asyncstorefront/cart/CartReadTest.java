package io.asyncstorefront.cart;

import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.asyncstorefront.support.SyncMode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** What reading and changing many carts costs, and the depth limit of mutation results. */
@QuarkusTest
@TestProfile(SyncMode.class)
class CartReadTest {

    private static final String CARTS_WITH_PRODUCTS = """
            query Carts($cartMasks: [String!]!) {
              carts(cartMasks: $cartMasks) { cartMask items { sku qty product { sku name } } }
            }
            """;

    @Inject
    Database database;

    @Test
    void cartsWithTheirItemsAndProductsCostTheSameStatementsForOneCartAsForTwenty() {
        List<String> one = carts(1);
        List<String> twenty = carts(20);

        assertThat(statementsToRead(one)).isEqualTo(statementsToRead(twenty)).isEqualTo(List.of(1L, 1L));
    }

    @Test
    void addingProductsToTwentyCartsCostsTheSameStatementsAsAddingToOne() {
        assertThat(statementsToAdd(carts(1))).isEqualTo(statementsToAdd(carts(20))).isEqualTo(List.of(3L, 1L));
    }

    @Test
    void theCartsQueryAnswersInTheOrderAskedAndSkipsUnknownMasks() {
        List<String> masks = carts(2);

        JsonPath answer = execute(CARTS_WITH_PRODUCTS, Map.of("cartMasks", List.of(masks.get(1), newCartMask(), masks.get(0))));

        assertThat(answer.getList("data.carts.cartMask")).isEqualTo(List.of(masks.get(1), masks.get(0)));
        assertThat(answer.getList("data.carts[0].items.product.name"))
                .isEqualTo(List.of("Simple product 1", "Simple product 2"));
    }

    @Test
    void aMutationResultSelectedDeeperThanOneLevelBelowItsEntitiesGetsAClearError() {
        String cartMask = carts(1).get(0);

        JsonPath answer = execute("""
                mutation Update($cartMask: String!) {
                  updateCartItems(input: [{cartMask: $cartMask, sku: "simple-product-1", qty: 3}]) {
                    ... on CartSaveOperationCompleted { cart { items { sku product { name } } } }
                  }
                }
                """, Map.of("cartMask", cartMask));

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("Mutation results are limited to depth 1 below their entities: query CartItem.product with carts");
    }

    private List<String> carts(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String mask = newCartMask();
            createCart(mask);
            mutateAndAwait("""
                    mutation A($m: String!) {
                      addProductsToCarts(input: [{cartMask: $m, items: [{sku: "simple-product-1", qty: 1},
                        {sku: "simple-product-2", qty: 2}]}]) { identifier __typename }
                    }
                    """, Map.of("m", mask));
            return mask;
        }).toList();
    }

    /** Statements on cart lines (read the carts, add, mark the carts changed) and on products that one batch costs. */
    private List<Long> statementsToAdd(List<String> masks) {
        database.resetStatementCounts();
        Map<String, Object> state = mutateAndAwait("""
                mutation Add($input: [AddProductsToCartInput!]!) { addProductsToCarts(input: $input) { identifier __typename } }
                """, Map.of("input", masks.stream().map(mask -> Map.of("cartMask", mask, "items", List.of(
                Map.of("sku", "simple-product-3", "qty", 1), Map.of("sku", "simple-product-4", "qty", 4)))).toList()));
        assertThat(state.get("__typename")).isIn("CartSaveOperationCompleted", "CartsMutationCompleted");
        return List.of(database.statementsOn("cart(_item)?"), database.statementsOn("product"));
    }

    /** Statements on carts and on products that one carts query costs. */
    private List<Long> statementsToRead(List<String> masks) {
        database.resetStatementCounts();
        JsonPath answer = execute(CARTS_WITH_PRODUCTS, Map.of("cartMasks", masks));
        assertThat(answer.getList("data.carts")).hasSize(masks.size());
        return List.of(database.statementsOn("cart_item"), database.statementsOn("product"));
    }
}
