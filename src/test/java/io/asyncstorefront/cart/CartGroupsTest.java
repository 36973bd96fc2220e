package io.asyncstorefront.cart;

import static io.asyncstorefront.support.Documents.CREATE_CART_STATE;
import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Ordered groups of cart steps (seed 004), as a client uses them; {@link CartGroupsSyncTest} runs them in sync mode. */
@QuarkusTest
class CartGroupsTest {

    private static final String GROUP = """
            mutation Group($cartMask: String!) {
              cart(cartMask: $cartMask) {
                add: addProducts(items: [{ sku: "simple-product-1", qty: 1 }]) { %1$s }
                update: updateItems(items: [{ sku: "simple-product-1", qty: 5 }]) { %1$s }
                remove: removeProducts(skus: ["simple-product-1"]) { %1$s }
                addAgain: addProducts(items: [{ sku: "simple-product-1", qty: 2 }]) { %1$s }
                addOther: addProducts(items: [{ sku: "simple-product-2", qty: 1 }]) { %1$s }
              }
            }
            """.formatted(STATE_FIELDS);
    private static final List<String> GROUP_STEPS = List.of("add", "update", "remove", "addAgain", "addOther");
    private static final String FAILING_NEXT_TO_ANOTHER = """
            mutation Failing($cartMask: String!, $other: String!) {
              failing: cart(cartMask: $cartMask) {
                add: addProducts(items: [{ sku: "simple-product-1", qty: 1 }]) { %1$s }
                missing: addProducts(items: [{ sku: "no-such-product", qty: 1 }]) { %1$s }
                update: updateItems(items: [{ sku: "simple-product-1", qty: 3 }]) { %1$s }
                remove: removeProducts(skus: ["simple-product-1"]) { %1$s }
              }
              other: cart(cartMask: $other) {
                add: addProducts(items: [{ sku: "simple-product-3", qty: 3 }]) { %1$s }
                assign: assignCustomer(email: "jane.doe@example.com") { %1$s }
              }
            }
            """.formatted(STATE_FIELDS);
    private static final String TWO_GROUPS_ONE_CART = """
            mutation Twice($cartMask: String!) {
              first: cart(cartMask: $cartMask) {
                add: addProducts(items: [{ sku: "simple-product-1", qty: 1 }]) { %1$s }
                set: updateItems(items: [{ sku: "simple-product-1", qty: 7 }]) { %1$s }
              }
              second: cart(cartMask: $cartMask) {
                remove: removeProducts(skus: ["simple-product-1"]) { %1$s }
                add: addProducts(items: [{ sku: "simple-product-2", qty: 4 }]) { %1$s }
              }
            }
            """.formatted(STATE_FIELDS);
    private static final String ADD = """
            mutation Add($input: [AddProductsToCartInput!]!) { addProductsToCarts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String CARTS = """
            query Carts($cartMasks: [String!]!) { carts(cartMasks: $cartMasks) { cartMask items { sku qty } } }
            """;

    @Inject
    Database database;

    @Test
    void aGroupAppliesItsStepsInDocumentOrderAndAnswersInDocumentOrder() {
        String cartMask = create();

        JsonPath answer = execute(GROUP, Map.of("cartMask", cartMask));

        Map<String, Map<String, Object>> steps = answer.getMap("data.cart");
        assertThat(steps.keySet()).containsExactlyElementsOf(GROUP_STEPS);
        List<String> identifiers = GROUP_STEPS.stream().map(step -> (String) steps.get(step).get("identifier")).toList();
        assertThat(database.inAcceptanceOrder(identifiers)).isEqualTo(identifiers);
        steps.values().forEach(CartGroupsTest::assertCompletes);
        assertThat(itemsOf(cartMask)).isEqualTo(Map.of("simple-product-1", 2, "simple-product-2", 1));
    }

    @Test
    void thirtyGroupsOnThirtyCartsSentAtOnceEachEndInTheirDocumentOrder() throws Exception {
        List<String> cartMasks = IntStream.range(0, 30).mapToObj(i -> create()).toList();
        List<Future<JsonPath>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            cartMasks.forEach(cartMask -> answers.add(clients.submit(() -> execute(GROUP, Map.of("cartMask", cartMask)))));
            for (int i = 0; i < cartMasks.size(); i++) {
                Map<String, Map<String, Object>> steps = answers.get(i).get().getMap("data.cart");
                List<String> identifiers = GROUP_STEPS.stream().map(step -> (String) steps.get(step).get("identifier"))
                        .toList();
                assertThat(database.inAcceptanceOrder(identifiers)).isEqualTo(identifiers);
                steps.values().forEach(CartGroupsTest::assertCompletes);
            }
        } finally {
            clients.shutdown();
        }

        assertThat(cartMasks).allSatisfy(cartMask -> assertThat(itemsOf(cartMask))
                .isEqualTo(Map.of("simple-product-1", 2, "simple-product-2", 1)));
    }

    @Test
    void aFailingStepFailsTheLaterStepsOfItsGroupAndNothingElse() {
        String cartMask = create();
        String other = create();

        JsonPath answer = execute(FAILING_NEXT_TO_ANOTHER, Map.of("cartMask", cartMask, "other", other));
        Map<String, Object> later = mutateAndAwait(ADD, Map.of("input",
                List.of(Map.of("cartMask", cartMask, "items", List.of(Map.of("sku", "simple-product-2", "qty", 1))))));

        String missing = answer.getString("data.failing.missing.identifier");
        assertThat(awaitFinal(answer.getMap("data.failing.add"))).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(awaitFinal(answer.getMap("data.failing.missing"))).containsEntry("__typename", "OperationFailed");
        for (String step : List.of("update", "remove")) {
            Map<String, Object> state = awaitFinal(answer.getMap("data.failing." + step));
            assertThat(state).containsEntry("__typename", "OperationFailed");
            assertThat(state.get("failures")).isEqualTo(List.of(Map.of("__typename", "PrecedingStepFailedReport",
                    "message", "Not applied: the earlier step " + missing + " of its group failed",
                    "failedStep", missing)));
        }
        assertThat(awaitFinal(answer.getMap("data.other.add"))).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(awaitFinal(answer.getMap("data.other.assign"))).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(later).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(itemsOf(cartMask)).isEqualTo(Map.of("simple-product-1", 1, "simple-product-2", 1));
        assertThat(itemsOf(other)).isEqualTo(Map.of("simple-product-3", 3));
    }

    @Test
    void twoGroupsOfOneCartInOneDocumentApplyInDocumentOrder() {
        String cartMask = create();

        JsonPath answer = execute(TWO_GROUPS_ONE_CART, Map.of("cartMask", cartMask));

        List<String> identifiers = List.of("first.add", "first.set", "second.remove", "second.add").stream()
                .map(step -> answer.getString("data." + step + ".identifier")).toList();
        assertThat(database.inAcceptanceOrder(identifiers)).isEqualTo(identifiers);
        identifiers.forEach(identifier -> assertCompletes(
                Map.<String, Object> of("identifier", identifier, "__typename", "OperationAccepted")));
        assertThat(itemsOf(cartMask)).isEqualTo(Map.of("simple-product-2", 4));
    }

    static List<Arguments> badSteps() {
        String overLimit = IntStream.rangeClosed(1, 101).mapToObj(i -> "{ sku: \"sku-" + i + "\", qty: 1 }")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        return List.of(
                Arguments.of("a negative quantity", "addProducts(items: [{ sku: \"simple-product-1\", qty: -1 }])",
                        "second.bad: items[0].qty must be greater than 0"),
                Arguments.of("an empty SKU", "updateItems(items: [{ sku: \"\", qty: 1 }])",
                        "second.bad: items[0].sku must not be blank"),
                Arguments.of("an over-limit list", "addProducts(items: [" + overLimit + "])",
                        "second.bad: items has 101 entries; a cart input takes at most 100"),
                Arguments.of("a SKU twice", "removeProducts(skus: [\"simple-product-1\", \"simple-product-1\"])",
                        "second.bad: skus[1]: simple-product-1 appears more than once"),
                Arguments.of("a malformed email", "assignCustomer(email: \"not-an-email\")",
                        "second.bad: email must be a well-formed email address"));
    }

    @ParameterizedTest(name = "{0} in a later step")
    @MethodSource("badSteps")
    void aDocumentWithBadInputInAnyStepOfAnyGroupRecordsNothing(String description, String badStep, String message) {
        String cartMask = create();
        long operationsBefore = database.operations();

        JsonPath answer = execute("""
                mutation Bad($cartMask: String!) {
                  first: cart(cartMask: $cartMask) {
                    good: addProducts(items: [{ sku: "simple-product-1", qty: 1 }]) { identifier }
                  }
                  second: cart(cartMask: $cartMask) {
                    fine: addProducts(items: [{ sku: "simple-product-2", qty: 1 }]) { identifier }
                    bad: %s { identifier }
                  }
                }
                """.formatted(badStep), Map.of("cartMask", cartMask));

        List<Map<String, Object>> errors = answer.getList("errors");
        assertThat(errors).as(answer.prettify()).isNotEmpty();
        assertThat(errors.get(0).get("message").toString()).contains(message).doesNotContain("Exception");
        assertThat(database.operations()).isEqualTo(operationsBefore);
    }

    private static void assertCompletes(Map<String, Object> state) {
        assertThat(awaitFinal(state).get("__typename")).as("the final state of %s", state.get("identifier"))
                .isNotEqualTo("OperationFailed");
    }

    private static String create() {
        String cartMask = newCartMask();
        mutateAndAwait(CREATE_CART_STATE, Map.of("cartMask", cartMask));
        return cartMask;
    }

    private static Map<String, Integer> itemsOf(String cartMask) {
        List<Map<String, Object>> items = execute(CARTS, Map.of("cartMasks", List.of(cartMask))).getList("data.carts[0].items");
        Map<String, Integer> bySku = new TreeMap<>();
        items.forEach(item -> bySku.put((String) item.get("sku"), (Integer) item.get("qty")));
        return bySku;
    }
}
