package io.asyncstorefront.operation;

import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.dispatch.IdempotencyKeyCleanup;
import io.asyncstorefront.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Retries under an idempotency key: the same request answers the first call's operation and records nothing, another
 * request under the key is refused, and keys are forgotten after their window.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String ADD = """
            mutation($m: String!, $qty: Int!, $key: String!) {
              addProductsToCarts(input: [{cartMask: $m, items: [{sku: "idem-lamp", qty: $qty}]}]) @idempotent(key: $key) {
                %s
              }
            }
            """.formatted(STATE_FIELDS);
    private static final String CREATE_CART = """
            mutation($m: String!, $key: String!) {
              createEmptyCart(cartMask: $m) @idempotent(key: $key) { identifier __typename }
            }
            """;
    private static final String GROUP = """
            mutation($m: String!, $qty: Int!, $key: String!) {
              cart(cartMask: $m) @idempotent(key: $key) {
                add: addProducts(items: [{sku: "idem-lamp", qty: $qty}]) { identifier __typename }
                remove: removeProducts(skus: ["idem-lamp"]) { identifier __typename }
              }
            }
            """;
    private static final String CART = """
            query($m: String!) { carts(cartMasks: [$m]) { items { sku qty } } }
            """;

    @Inject
    Pool pool;
    @Inject
    IdempotencyKeyCleanup cleanup;

    private String cartMask;

    @BeforeEach
    void cartAndProduct() {
        mutateAndAwait("""
                mutation { createProducts(input: [{sku: "idem-lamp", name: "Lamp", price: 10}]) { identifier __typename } }
                """, Map.of());
        cartMask = newCartMask();
        createCart(cartMask);
    }

    @Test
    void aRetriedRequestAnswersTheFirstOperationAndAddsOnce() {
        String key = newKey();
        Map<String, Object> first = state(execute(ADD, Map.of("m", cartMask, "qty", 2, "key", key)));
        long operations = operations();
        Map<String, Object> completed = awaitFinal(first);

        Map<String, Object> retried = state(execute(ADD, Map.of("m", cartMask, "qty", 2, "key", key)));

        assertThat(retried.get("identifier")).isEqualTo(first.get("identifier"));
        assertThat(retried).as("the first operation's current state").isEqualTo(completed);
        assertThat(operations()).isEqualTo(operations);
        assertThat(quantity()).isEqualTo(2);
    }

    @Test
    void aKeyUsedWithOtherInputIsRefusedNamingIt() {
        String key = newKey();
        awaitFinal(state(execute(ADD, Map.of("m", cartMask, "qty", 2, "key", key))));
        long operations = operations();

        JsonPath otherInput = execute(ADD, Map.of("m", cartMask, "qty", 3, "key", key));
        JsonPath otherMutation = execute(CREATE_CART, Map.of("m", newCartMask(), "key", key));

        for (JsonPath refused : List.of(otherInput, otherMutation)) {
            assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(refused.getString("errors[0].message")).contains("\"" + key + "\"");
            assertThat(refused.getMap("data")).isNull();
        }
        assertThat(operations()).isEqualTo(operations);
        assertThat(quantity()).isEqualTo(2);
    }

    @Test
    void sixteenClientsSendingOneKeyAtOnceRecordOneOperation() throws Exception {
        String key = newKey();
        long operations = operations();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return state(execute(ADD, Map.of("m", cartMask, "qty", 1, "key", key)));
                }));
            }
            start.countDown();
            List<Object> identifiers = new ArrayList<>();
            for (Future<Map<String, Object>> answer : answers) {
                identifiers.add(answer.get().get("identifier"));
            }
            assertThat(identifiers).hasSize(16).containsOnly(identifiers.get(0));
            awaitFinal(answers.get(0).get());
        } finally {
            clients.shutdownNow();
        }
        assertThat(operations()).isEqualTo(operations + 1);
        assertThat(quantity()).isEqualTo(1);
    }

    @Test
    void aRetriedCartGroupAnswersItsStepsAndAnotherGroupUnderItsKeyIsRefused() {
        String key = newKey();
        Map<String, Object> first = execute(GROUP, Map.of("m", cartMask, "qty", 2, "key", key)).getMap("data.cart");
        long operations = operations();

        // The same quantity, written as 2.0, as a JavaScript client may: the same input.
        Map<String, Object> retried = execute(GROUP, Map.of("m", cartMask, "qty", 2.0, "key", key)).getMap("data.cart");
        JsonPath other = execute(GROUP, Map.of("m", cartMask, "qty", 3, "key", key));

        assertThat(identifierOf(retried.get("add"))).isEqualTo(identifierOf(first.get("add")));
        assertThat(identifierOf(retried.get("remove"))).isEqualTo(identifierOf(first.get("remove")));
        assertThat(other.getString("errors[0].extensions.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(operations()).isEqualTo(operations);
    }

    @Test
    void aKeyPastItsWindowIsForgottenAndThenRecordsAnew() {
        String key = newKey();
        Map<String, Object> first = awaitFinal(state(execute(ADD, Map.of("m", cartMask, "qty", 1, "key", key))));
        sql("update idempotency_key set created_at = now() - interval '25 hours' where key = $1", key);

        OnVertx.await(cleanup::forgetExpired);

        assertThat(count("select count(*) from idempotency_key where key = $1", key)).isZero();
        Map<String, Object> again = awaitFinal(state(execute(ADD, Map.of("m", cartMask, "qty", 1, "key", key))));
        assertThat(again.get("identifier")).isNotEqualTo(first.get("identifier"));
        assertThat(quantity()).isEqualTo(2);
    }

    @Test
    void aKeyThatCannotBeStoredOrIsMisplacedIsRefusedAndRecordsNothing() {
        long operations = operations();
        assertRefused(execute(ADD, Map.of("m", cartMask, "qty", 1, "key", "")), "BAD_USER_INPUT",
                "@idempotent(key:) must not be empty");
        JsonPath overlong = execute(ADD, Map.of("m", cartMask, "qty", 1, "key", "k".repeat(256)));
        assertRefused(overlong, "LIMIT_EXCEEDED", "@idempotent(key:) has 256 characters; the maximum is 255");
        assertThat(overlong.getString("errors[0].message"))
                .isEqualTo("@idempotent(key:) has 256 characters; the maximum is 255");
        assertThat(overlong.getString("errors[0].extensions.argument")).isEqualTo("key");
        assertRefused(execute(ADD, Map.of("m", cartMask, "qty", 1, "key", "a\u0001b")), "BAD_USER_INPUT",
                "contains the control character U+0001 at position 1");
        assertRefused(execute("""
                mutation($m: String!) { createEmptyCart(cartMask: $m) @idempotent(key: "a\\u0001b") { identifier } }
                """, Map.of("m", cartMask)), "BAD_USER_INPUT",
                "@idempotent(key:) contains the control character U+0001 at position 1");
        assertRefused(execute(GROUP, Map.of("m", cartMask, "qty", 1, "key", "")), "BAD_USER_INPUT",
                "@idempotent(key:) must not be empty");
        assertRefused(execute("""
                query($m: String!) { carts(cartMasks: [$m]) @idempotent(key: "k") { cartMask } }
                """, Map.of("m", cartMask)), "GRAPHQL_VALIDATION_FAILED",
                "@idempotent applies to top-level mutation fields; 'carts' is not one");
        assertRefused(execute("""
                mutation($m: String!) {
                  cart(cartMask: $m) { removeProducts(skus: ["idem-lamp"]) @idempotent(key: "k") { identifier } }
                }
                """, Map.of("m", cartMask)), "GRAPHQL_VALIDATION_FAILED",
                "@idempotent applies to top-level mutation fields; 'removeProducts' is not one");
        assertRefused(execute("""
                mutation($m: String!) { createEmptyCart(cartMask: $m) @idempotent { identifier } }
                """, Map.of("m", cartMask)), "GRAPHQL_VALIDATION_FAILED", "key");
        assertThat(operations()).isEqualTo(operations);
    }

    private static void assertRefused(JsonPath answer, String code, String message) {
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo(code);
        assertThat(answer.getString("errors[0].message")).contains(message);
        assertThat(answer.getString("errors[0].message")).doesNotContain("java", "Exception");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(JsonPath answer) {
        Map<String, Object> data = answer.getMap("data");
        assertThat(data).as(answer.prettify()).isNotNull();
        return (Map<String, Object>) data.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Object identifierOf(Object state) {
        return ((Map<String, Object>) state).get("identifier");
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private int quantity() {
        List<Integer> quantities = execute(CART, Map.of("m", cartMask)).getList("data.carts[0].items.qty");
        return quantities.isEmpty() ? 0 : quantities.get(0);
    }

    private long operations() {
        return count("select count(*) from operation", null);
    }

    private long count(String statement, String parameter) {
        return OnVertx.await(() -> (parameter == null ? pool.query(statement).execute()
                : pool.preparedQuery(statement).execute(Tuple.of(parameter))).map(rows -> rows.iterator().next().getLong(0)));
    }

    private void sql(String statement, String parameter) {
        OnVertx.await(() -> pool.preparedQuery(statement).execute(Tuple.of(parameter)));
    }

}
