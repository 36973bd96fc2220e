package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CANCEL;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.asyncstorefront.support.GraphQLClient.queue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.support.AcceptOnly;
import io.asyncstorefront.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Cancelling operations before, during and after their processing. The instance processes nothing by itself: the test
 * applies accepted operations through the processor when the scenario needs it.
 */
@QuarkusTest
@TestProfile(AcceptOnly.class)
class CancellationTest {

    private static final String ADD = """
            mutation($m: String!, $qty: Int!) {
              addProductsToCarts(input: [{cartMask: $m, items: [{sku: "cancel-lamp", qty: $qty}]}]) { identifier }
            }
            """;
    private static final String GROUP = """
            mutation($m: String!) {
              cart(cartMask: $m) {
                first: addProducts(items: [{sku: "cancel-lamp", qty: 1}]) { identifier }
                second: addProducts(items: [{sku: "cancel-lamp", qty: 2}]) { identifier }
                third: removeProducts(skus: ["cancel-lamp"]) { identifier }
              }
            }
            """;
    private static final String CART = """
            query($m: String!) { carts(cartMasks: [$m]) { items { sku qty } } }
            """;

    @Inject
    OperationProcessor processor;

    private String cartMask;

    @BeforeEach
    void cartAndProduct() {
        String product = identifier(execute("""
                mutation { createProducts(input: [{sku: "cancel-lamp", name: "Lamp", price: 10}]) { identifier } }
                """));
        cartMask = newCartMask();
        process(product, identifier(execute(CREATE_CART, Map.of("cartMask", cartMask))));
    }

    @Test
    void anOperationCancelledBeforeItIsAppliedIsNeverAppliedAndTheNextOneGoesOn() {
        String cancelled = identifier(execute(ADD, Map.of("m", cartMask, "qty", 2)));
        String next = identifier(execute(ADD, Map.of("m", cartMask, "qty", 3)));

        List<Map<String, Object>> answer = execute(CANCEL, Map.of("ids", List.of(cancelled))).getList("data.cancelOperations");
        process(cancelled, next);

        assertThat(answer).extracting(state -> state.get("__typename")).containsExactly("OperationCancelled");
        assertThat(queue(List.of(cancelled, next))).extracting(state -> state.get("__typename"))
                .containsExactly("OperationCancelled", "CartSaveOperationCompleted");
        assertThat(quantities()).containsExactly(3);
    }

    @Test
    void theLaterStepsOfACancelledStepFailNamingIt() {
        Map<String, Object> group = execute(GROUP, Map.of("m", cartMask)).getMap("data.cart");
        String first = identifierOf(group.get("first"));
        String second = identifierOf(group.get("second"));
        String third = identifierOf(group.get("third"));

        execute(CANCEL, Map.of("ids", List.of(first)));
        process(first, second, third);

        List<Map<String, Object>> states = queue(List.of(first, second, third));
        assertThat(states).extracting(state -> state.get("__typename"))
                .containsExactly("OperationCancelled", "OperationFailed", "OperationFailed");
        for (Map<String, Object> failed : states.subList(1, 3)) {
            assertThat(String.valueOf(failed.get("failures")))
                    .contains("PrecedingStepFailedReport", "failedStep=" + first, "was cancelled");
        }
        assertThat(quantities()).isEmpty();
    }

    @Test
    void finalOperationsAreLeftAsTheyAreAndUnknownIdentifiersAnswerNull() {
        String applied = identifier(execute(ADD, Map.of("m", cartMask, "qty", 1)));
        String failed = identifier(execute(ADD, Map.of("m", "no-such-cart", "qty", 1)));
        String cancelled = identifier(execute(ADD, Map.of("m", cartMask, "qty", 5)));
        execute(CANCEL, Map.of("ids", List.of(cancelled)));
        process(applied, failed, cancelled);
        List<Map<String, Object>> before = queue(List.of(applied, failed, cancelled));

        List<Map<String, Object>> answer = execute(CANCEL, Map.of("ids",
                List.of(applied, "f".repeat(40), failed, "not an identifier", cancelled)))
                .getList("data.cancelOperations");

        assertThat(answer).containsExactly(before.get(0), null, before.get(1), null, before.get(2));
        assertThat(before).extracting(state -> state.get("__typename"))
                .containsExactly("CartSaveOperationCompleted", "OperationFailed", "OperationCancelled");
        assertThat(quantities()).containsExactly(1);
    }

    @Test
    void aCancellationRacingTheProcessorHasOneWinner() {
        List<String> carts = new ArrayList<>();
        List<String> creations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            carts.add(newCartMask());
            creations.add(identifier(execute(CREATE_CART, Map.of("cartMask", carts.get(carts.size() - 1)))));
        }
        process(creations.toArray(String[]::new));
        List<String> additions = carts.stream().map(m -> identifier(execute(ADD, Map.of("m", m, "qty", 1)))).toList();

        CompletableFuture<Void> processing = CompletableFuture.runAsync(() -> process(additions.toArray(String[]::new)));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int from = 0; from < additions.size(); from += 10) {
            answers.addAll(execute(CANCEL, Map.of("ids", additions.subList(from, from + 10)))
                    .getList("data.cancelOperations"));
        }
        processing.join();

        List<Map<String, Object>> states = queue(additions);
        for (int i = 0; i < carts.size(); i++) {
            String state = (String) states.get(i).get("__typename");
            assertThat(state).isIn("OperationCancelled", "CartSaveOperationCompleted");
            if (answers.get(i).get("__typename").equals("OperationCancelled")) {
                assertThat(state).as("a cancellation that answered cancelled").isEqualTo("OperationCancelled");
            }
            List<Integer> quantities = quantities(carts.get(i));
            assertThat(quantities).as("cart %d, %s", i, state)
                    .isEqualTo(state.equals("OperationCancelled") ? List.of() : List.of(1));
        }
    }

    private void process(String... identifiers) {
        OnVertx.await(() -> processor.process(Arrays.asList(identifiers)));
    }

    private List<Integer> quantities() {
        return quantities(cartMask);
    }

    private static List<Integer> quantities(String cart) {
        return execute(CART, Map.of("m", cart)).getList("data.carts[0].items.qty");
    }

    private static String identifier(JsonPath answer) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) answer.getMap("data").values().iterator().next();
        return (String) state.get("identifier");
    }

    @SuppressWarnings("unchecked")
    private static String identifierOf(Object state) {
        return (String) ((Map<String, Object>) state).get("identifier");
    }

}
