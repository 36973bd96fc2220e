package io.asyncstorefront.catalog;

import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The product batch mutations, followed the way a client does; {@link ProductMutationsSyncTest} runs them in sync mode. */
@QuarkusTest
class ProductMutationsTest {

    static final String CREATE = """
            mutation Create($input: [CreateProductInput!]!) { createProducts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    static final String UPDATE = """
            mutation Update($input: [UpdateProductInput!]!) { updateProducts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    static final String DELETE = """
            mutation Delete($input: [DeleteProductInput!]!) { deleteProducts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    static final String PRODUCTS = """
            query Products($skus: [String!]) { products(skus: $skus) { sku name price } }
            """;

    private static final String QUEUE_PRICES = """
            query Queue($ids: [String!]!) { queue(operationIdentifiers: $ids) { ... on ProductsMutationCompleted { products { price } } } }
            """;

    /** The answer as sent: a parsed number would not show its scale. */
    private static String raw(String document, Map<String, ?> variables) {
        return given().contentType(ContentType.JSON).body(Map.of("query", document, "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().asString();
    }

    private final String prefix = "p-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void pricesAreStringsWithTwoDecimalsWhetherTheyComeFromTheInputTheLedgerOrTheCatalog() {
        Map<String, Object> created = mutateAndAwait(CREATE, Map.of("input", List.of(
                product("whole", "Whole", 10), product("half", "Half", "12.5"))));

        String queued = raw(QUEUE_PRICES, Map.of("ids", List.of(created.get("identifier"))));
        String listed = raw(PRODUCTS, Map.of("skus", List.of(prefix + "whole", prefix + "half")));

        assertThat(queued).contains("\"price\":\"10.00\"").contains("\"price\":\"12.50\"");
        assertThat(listed).contains("\"price\":\"10.00\"").contains("\"price\":\"12.50\"");
    }

    @Test
    void productsAreCreatedUpdatedAndDeletedInBatches() {
        Map<String, Object> created = mutateAndAwait(CREATE, Map.of("input", List.of(
                product("a", "Lamp", 12.5), product("b", "Chair", 40), product("c", "Desk", 99.99))));
        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("input", List.of(
                Map.of("sku", prefix + "a", "price", 15), Map.of("sku", prefix + "c", "name", "Standing desk"))));
        Map<String, Object> deleted = mutateAndAwait(DELETE, Map.of("input", List.of(Map.of("sku", prefix + "b"))));

        assertThat(created).containsEntry("__typename", "ProductsMutationCompleted");
        assertThat(created.get("changedEntities")).isEqualTo(List.of(Map.of("type", "Product",
                "identifiers", List.of(prefix + "a", prefix + "b", prefix + "c"))));
        assertThat(nodes(updated.get("products"))).isEqualTo(List.of(node("a", "Lamp", 15), node("c", "Standing desk", 99.99)));
        assertThat(nodes(deleted.get("products"))).isEqualTo(List.of(node("b", "Chair", 40)));
        assertThat(nodes(execute(PRODUCTS, Map.of("skus", List.of(prefix + "a", prefix + "b", prefix + "c")))
                .getList("data.products"))).isEqualTo(List.of(node("a", "Lamp", 15), node("c", "Standing desk", 99.99)));
    }

    @Test
    void aBatchWithOneWrongEntryAppliesNothingAndReportsEachWrongEntry() {
        mutateAndAwait(CREATE, Map.of("input", List.of(product("taken", "Taken", 1))));

        Map<String, Object> created = mutateAndAwait(CREATE, Map.of("input", List.of(
                product("new", "New", 1), product("taken", "Again", 2))));
        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("input", List.of(
                Map.of("sku", prefix + "taken", "name", "Renamed"), Map.of("sku", prefix + "missing", "name", "Nothing"))));

        assertThat(created).containsEntry("__typename", "OperationFailed");
        assertThat(created.get("failures")).isEqualTo(List.of(Map.of("__typename", "ValidationErrorReport",
                "message", "A product with sku " + prefix + "taken already exists", "inputIndex", 1, "field", "sku")));
        assertThat(updated.get("failures")).isEqualTo(List.of(Map.of("__typename", "ValidationErrorReport",
                "message", "No such product with sku " + prefix + "missing", "inputIndex", 1, "field", "sku")));
        assertThat(nodes(execute(PRODUCTS, Map.of("skus", List.of(prefix + "new", prefix + "taken"))).getList("data.products")))
                .isEqualTo(List.of(node("taken", "Taken", 1)));
    }

    @Test
    void aProductInACartIsNotDeleted() {
        mutateAndAwait(CREATE, Map.of("input", List.of(product("held", "Held", 3))));
        String cartMask = "cart-" + UUID.randomUUID();
        createCart(cartMask);
        mutateAndAwait("""
                mutation A($m: String!, $sku: String!) {
                  addProductsToCarts(input: [{cartMask: $m, items: [{sku: $sku, qty: 1}]}]) { identifier __typename }
                }
                """, Map.of("m", cartMask, "sku", prefix + "held"));

        Map<String, Object> deleted = mutateAndAwait(DELETE, Map.of("input", List.of(Map.of("sku", prefix + "held"))));

        assertThat(deleted.get("failures")).isEqualTo(List.of(Map.of("__typename", "LogicalErrorReport",
                "message", "The product " + prefix + "held is in a cart", "inputIndex", 0)));
    }

    private Map<String, Object> product(String suffix, String name, Object price) {
        return Map.of("sku", prefix + suffix, "name", name, "price", price);
    }

    /** A product node as answered: its price a Decimal, a string with two decimals. */
    private Map<String, Object> node(String suffix, String name, Number price) {
        return Map.of("sku", prefix + suffix, "name", name, "price",
                new BigDecimal(price.toString()).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Object products) {
        return (List<Map<String, Object>>) products;
    }
}
