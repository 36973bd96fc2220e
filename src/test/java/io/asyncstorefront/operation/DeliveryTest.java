package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.asyncstorefront.support.GraphQLClient.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.cart.command.AddProductsToCarts;
import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.ledger.FailedAttempts;
import io.asyncstorefront.operation.ledger.InlineAcceptance;
import io.asyncstorefront.operation.ledger.PlacedOperation;
import io.asyncstorefront.operation.messaging.CommandPublisher;
import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Commands delivered twice, delivered late or not at all, and many commands on one cart at once. */
@QuarkusTest
class DeliveryTest {

    private static final String ADD = """
            mutation Add($cartMask: String!, $items: [CartItemInput!]!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: $items}]) { %s }
            }
            """.formatted(STATE_FIELDS);
    private static final String UPDATE = """
            mutation Update($cartMask: String!, $sku: String!, $qty: Int!) {
              updateCartItems(input: [{cartMask: $cartMask, sku: $sku, qty: $qty}]) { identifier __typename }
            }
            """;
    private static final String CART_ITEMS = """
            query Cart($cartMask: String!) { carts(cartMasks: [$cartMask]) { items { sku qty } } }
            """;

    @Inject
    InlineAcceptance acceptance;

    @Inject
    FailedAttempts failedAttempts;
    @Inject
    CommandPublisher publisher;
    @Inject
    CommandRegistry registry;
    @Inject
    ObjectMapper mapper;
    @Inject
    Database database;
    @Inject
    Pool pool;

    private String cartMask;

    @BeforeEach
    void createTheCart() {
        cartMask = newCartMask();
        createCart(cartMask);
    }

    @Test
    void aCommandDeliveredTwiceIsAppliedOnce() throws Throwable {
        PlacedOperation operation = acceptWithoutPublishing(
                add(cartMask, "simple-product-1", 1));

        VertxContextSupport.subscribeAndAwait(() -> publisher.publish(List.of(operation.operationId()))
                .chain(() -> publisher.publish(List.of(operation.operationId()))));
        awaitFinal(accepted(operation));
        VertxContextSupport.subscribeAndAwait(() -> publisher.publish(List.of(operation.operationId())));
        // The broker delivers in order: once this later operation is final, the third delivery was consumed too.
        mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(Map.of("sku", "simple-product-2", "qty", 1))));

        assertThat(execute(CART_ITEMS, Map.of("cartMask", cartMask)).getList("data.carts[0].items")).isEqualTo(List.of(
                Map.of("sku", "simple-product-1", "qty", 1),
                Map.of("sku", "simple-product-2", "qty", 1)));
    }

    @Test
    void anOperationWhosePublishWasLostIsAppliedBeforeTheNextOperationOfItsCart() throws Throwable {
        PlacedOperation lost = acceptWithoutPublishing(
                add(cartMask, "simple-product-1", 1));

        Map<String, Object> next = mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items",
                List.of(Map.of("sku", "simple-product-2", "qty", 1))));
        Map<String, Object> first = queue(List.of(lost.operationId())).get(0);

        assertThat(first).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(((Map<?, ?>) first.get("cart")).get("items"))
                .isEqualTo(List.of(Map.of("sku", "simple-product-1", "qty", 1)));
        assertThat(((Map<?, ?>) next.get("cart")).get("items")).isEqualTo(List.of(
                Map.of("sku", "simple-product-1", "qty", 1),
                Map.of("sku", "simple-product-2", "qty", 1)));
    }

    @Test
    void anOperationOnTwoCartsIsAppliedAfterTheEarlierOperationsOfBoth() throws Throwable {
        String other = newCartMask();
        createCart(other);
        PlacedOperation lostFirst = acceptWithoutPublishing(add(cartMask, "simple-product-1", 1));
        PlacedOperation lostOther = acceptWithoutPublishing(add(other, "simple-product-2", 1));

        Map<String, Object> both = mutateAndAwait("""
                mutation Add($first: String!, $other: String!) {
                  addProductsToCarts(input: [
                    {cartMask: $first, items: [{sku: "simple-product-3", qty: 1}]},
                    {cartMask: $other, items: [{sku: "simple-product-3", qty: 1}]}
                  ]) { %s }
                }
                """.formatted(STATE_FIELDS), Map.of("first", cartMask, "other", other));

        assertThat(both).containsEntry("__typename", "CartsMutationCompleted");
        List<Object> items = ((List<?>) both.get("carts")).stream().map(cart -> (Object) ((Map<?, ?>) cart).get("items"))
                .toList();
        assertThat(items)
                .isEqualTo(List.of(
                        List.of(Map.of("sku", "simple-product-1", "qty", 1), Map.of("sku", "simple-product-3", "qty", 1)),
                        List.of(Map.of("sku", "simple-product-2", "qty", 1), Map.of("sku", "simple-product-3", "qty", 1))));
        List<Object> earlier = queue(List.of(lostFirst.operationId(), lostOther.operationId())).stream()
                .map(state -> (Object) ((Map<?, ?>) state.get("cart")).get("items")).toList();
        assertThat(earlier).isEqualTo(List.of(
                List.of(Map.of("sku", "simple-product-1", "qty", 1)),
                List.of(Map.of("sku", "simple-product-2", "qty", 1))));
    }

    @Test
    void theRelayPublishesAgainAnOperationWhosePublishWasLost() throws Throwable {
        PlacedOperation lost = acceptWithoutPublishing(
                add(cartMask, "simple-product-3", 2));

        Map<String, Object> state = awaitFinal(accepted(lost));

        assertThat(state).containsEntry("__typename", "CartSaveOperationCompleted");
    }

    @Test
    void aCommandOfAnUnknownTypeFailsWithASystemErrorReport() throws Throwable {
        PlacedOperation operation = VertxContextSupport.subscribeAndAwait(
                () -> acceptance.accept("noSuchCommand", Set.of("Cart:" + cartMask), Set.of(), mapper.createObjectNode(),
                        null));
        VertxContextSupport.subscribeAndAwait(() -> publisher.publish(List.of(operation.operationId())));

        Map<String, Object> state = awaitFinal(accepted(operation));

        assertThat(state.get("failures")).isEqualTo(List.of(Map.of("__typename", "SystemErrorReport",
                "message", "Unknown command type noSuchCommand", "retriable", false)));
    }

    @Test
    void concurrentOperationsOnOneCartApplyInTheOrderTheyWereAccepted() throws Exception {
        mutateAndAwait(ADD, Map.of("cartMask", cartMask, "items", List.of(Map.of("sku", "simple-product-1", "qty", 1))));
        List<Callable<String>> updates = new ArrayList<>();
        for (int qty = 1; qty <= 40; qty++) {
            Map<String, Object> variables = Map.of("cartMask", cartMask, "sku", "simple-product-1", "qty", qty);
            updates.add(() -> execute(UPDATE, variables).getString("data.updateCartItems.identifier"));
        }
        List<String> identifiers = sendAtOnceAndAwaitFinal(updates);

        List<String> acceptanceOrder = database.inAcceptanceOrder(identifiers);
        String last = acceptanceOrder.get(acceptanceOrder.size() - 1);
        int lastQty = identifiers.indexOf(last) + 1;
        assertThat(database.inFinishingOrder(identifiers)).isEqualTo(acceptanceOrder);
        assertThat(execute(CART_ITEMS, Map.of("cartMask", cartMask)).getList("data.carts[0].items"))
                .isEqualTo(List.of(Map.of("sku", "simple-product-1", "qty", lastQty)));
    }

    @Test
    void concurrentFirstOperationsOfANewCartApplyInTheOrderTheyWereAccepted() throws Exception {
        String newMask = newCartMask();
        Callable<String> create = () -> execute(CREATE_CART, Map.of("cartMask", newMask))
                .getString("data.createEmptyCart.identifier");

        List<String> identifiers = sendAtOnceAndAwaitFinal(Collections.nCopies(20, create));

        List<String> acceptanceOrder = database.inAcceptanceOrder(identifiers);
        assertThat(database.inFinishingOrder(identifiers)).isEqualTo(acceptanceOrder);
        assertThat(queue(acceptanceOrder).stream().map(state -> state.get("__typename")).toList())
                .containsExactlyElementsOf(acceptanceOrder.stream()
                        .map(id -> id.equals(acceptanceOrder.get(0)) ? "PersistOperationCompleted" : "OperationFailed")
                        .toList());
    }

    @Test
    void aFailedAttemptCountedWhileABatchCompletesTheOperationLeavesItCompleted() throws Throwable {
        PlacedOperation operation = acceptWithoutPublishing(add(cartMask, "simple-product-1", 1));
        Map.Entry<String, Long> place = operation.operation().sequences().entrySet().iterator().next();
        // A batch in flight, as the processor runs one: it holds the cart's progress lock and nothing else yet; it
        // records the final state only at its end.
        SqlConnection batch = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = batch.begin().await().indefinitely();
            int batchBackend = batch.query("select pg_backend_pid()").execute().await().indefinitely().iterator().next()
                    .getInteger(0);
            batch.preparedQuery("select 1 from aggregate_progress where aggregate_key = $1 for update")
                    .execute(Tuple.of(place.getKey())).await().indefinitely();

            CompletableFuture<Void> counted = CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(
                            () -> failedAttempts.record(operation.operationId(), "a connection was lost"));
                } catch (Throwable failure) {
                    throw new IllegalStateException(failure);
                }
            });
            // The batch holds no other lock, so a count that waits for it waits for the progress lock; one that does
            // not take that lock finishes at once. (The relay may republish the operation after its grace, and the
            // processor then waits for the same lock; the final state below is then what tells.)
            await().atMost(Duration.ofSeconds(60)).until(() -> counted.isDone() || database.single(
                    "select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))", batchBackend)
                    .getLong(0) > 0);
            assertThat(counted).as("the count did not wait for the batch's progress lock").isNotDone();
            batch.preparedQuery(
                    "update operation set status = 'COMPLETED', result = '{}', finished_at = now() where id = $1")
                    .execute(Tuple.of(operation.operationId())).await().indefinitely();
            batch.preparedQuery("update aggregate_progress set applied_sequence = $2 where aggregate_key = $1")
                    .execute(Tuple.of(place.getKey(), place.getValue())).await().indefinitely();
            transaction.commit().await().indefinitely();
            counted.get(60, TimeUnit.SECONDS);
        } finally {
            // Ends the transaction (a rollback if the test failed before its commit), so that no lock outlives it.
            batch.close().await().indefinitely();
        }

        Row row = database.single("select status, failed_attempts from operation where id = $1", operation.operationId());
        assertThat(List.of(row.getString(0), row.getInteger(1))).containsExactly("COMPLETED", 0);
    }

    /** Sends the requests from eight clients at once and answers their operations' identifiers once all are final. */
    private static List<String> sendAtOnceAndAwaitFinal(List<Callable<String>> requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<String> identifiers = new ArrayList<>();
            for (Future<String> identifier : clients.invokeAll(requests)) {
                identifiers.add(identifier.get());
            }
            identifiers.forEach(
                    identifier -> awaitFinal(Map.of("identifier", identifier, "__typename", "OperationAccepted")));
            return identifiers;
        } finally {
            clients.shutdown();
        }
    }

    private <C extends Command> PlacedOperation acceptWithoutPublishing(C command) throws Throwable {
        String type = registry.handlerOf(command).type();
        return VertxContextSupport.subscribeAndAwait(
                () -> acceptance.accept(type, command.aggregateKeys(), command.readKeys(), mapper.valueToTree(command), null));
    }

    private static AddProductsToCarts add(String cartMask, String sku, int qty) {
        return new AddProductsToCarts(
                List.of(new AddProductsToCarts.Entry(cartMask, List.of(new AddProductsToCarts.Line(sku, qty)))));
    }

    private static Map<String, Object> accepted(PlacedOperation operation) {
        return Map.of("identifier", operation.operationId(), "__typename", "OperationAccepted");
    }
}
