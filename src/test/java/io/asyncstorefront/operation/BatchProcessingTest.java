package io.asyncstorefront.operation;

import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.asyncstorefront.support.GraphQLClient.queue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.cart.command.AddProductsToCarts;
import io.asyncstorefront.cart.command.AssignCustomersToCarts;
import io.asyncstorefront.cart.command.CreateEmptyCart;
import io.asyncstorefront.cart.command.DeleteCarts;
import io.asyncstorefront.catalog.command.CreateProducts;
import io.asyncstorefront.catalog.command.DeleteProducts;
import io.asyncstorefront.customer.command.CreateCustomers;
import io.asyncstorefront.customer.command.DeleteCustomers;
import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.ledger.Acceptance;
import io.asyncstorefront.operation.ledger.GroupAcceptance;
import io.asyncstorefront.operation.ledger.NewOperation;
import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The processor applies batches, handed to it directly so that a test decides what a batch holds: a constant number of
 * statements per batch, acceptance order across concurrent and out-of-order batches, and the isolation of failures.
 */
@QuarkusTest
class BatchProcessingTest {

    private static final String CART_ITEMS = """
            query Cart($cartMask: String!) { carts(cartMasks: [$cartMask]) { items { sku qty } } }
            """;

    @Inject
    GroupAcceptance acceptance;
    @Inject
    OperationProcessor processor;
    @Inject
    CommandRegistry registry;
    @Inject
    ObjectMapper mapper;
    @Inject
    Database database;

    @Test
    void aBatchOfAHundredCostsTheStatementsOfABatchOfOne() throws Throwable {
        assertThat(statementsToProcess(100)).isEqualTo(statementsToProcess(1));
        assertThat(statementsToProcess(1)).isLessThanOrEqualTo(8);
    }

    @Test
    void operationsOfOneCartSpreadOverConcurrentBatchesInAnyOrderApplyInAcceptanceOrder() throws Throwable {
        String cartMask = newCartMask();
        List<Command> commands = new ArrayList<>(List.of(new CreateEmptyCart(cartMask)));
        for (int i = 0; i < 60; i++) {
            commands.add(add(cartMask, "simple-product-1", 1));
        }
        List<String> ids = accept(commands);

        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(38));
        List<List<String>> batches = List.of(shuffled.subList(0, 20), shuffled.subList(20, 45), shuffled.subList(45, 61),
                shuffled.subList(10, 30));
        CompletableFuture.allOf(batches.stream().map(batch -> CompletableFuture.runAsync(() -> process(batch)))
                .toArray(CompletableFuture[]::new)).join();
        process(ids);

        // Each addition reports the cart as it left it: the n-th one applied sees n units.
        List<Map<String, Object>> states = queue(ids);
        assertThat(states.get(0)).containsEntry("__typename", "PersistOperationCompleted");
        for (int n = 1; n <= 60; n++) {
            assertThat(states.get(n)).extracting("cart").extracting("items")
                    .isEqualTo(List.of(Map.of("sku", "simple-product-1", "qty", n)));
        }
    }

    @Test
    void aPoisonCommandFailsAloneAndTheRestOfItsBatchCompletesOnce() throws Throwable {
        String first = newCartMask();
        String taken = newCartMask();
        String third = newCartMask();
        process(accept(List.of(new CreateEmptyCart(taken))));
        // PostgreSQL cannot store a NUL character: this command fails on every attempt.
        CreateProducts poison = new CreateProducts(List.of(new CreateProducts.Entry("poison-" + first, "NUL\u0000",
                BigDecimal.ONE)));
        List<String> ids = accept(List.of(new CreateEmptyCart(first), new CreateEmptyCart(taken), poison,
                new CreateEmptyCart(third), add(first, "simple-product-2", 3)));

        process(ids);
        process(ids);

        List<Map<String, Object>> states = queue(ids);
        assertThat(states.get(0)).containsEntry("__typename", "PersistOperationCompleted");
        assertThat(states.get(1)).containsEntry("__typename", "OperationFailed")
                .extracting(state -> ((List<?>) state.get("failures")).get(0)).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("__typename", "LogicalErrorReport")
                .containsEntry("message", "A cart with cartMask " + taken + " already exists");
        assertThat(states.get(3)).containsEntry("__typename", "PersistOperationCompleted");
        assertThat(states.get(4)).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(execute(CART_ITEMS, Map.of("cartMask", first)).getList("data.carts[0].items"))
                .isEqualTo(List.of(Map.of("sku", "simple-product-2", "qty", 3)));

        Map<String, Object> poisoned = awaitFinal(Map.of("identifier", ids.get(2), "__typename", "OperationAccepted"));
        assertThat(poisoned.get("failures")).isEqualTo(List.of(Map.of("__typename", "SystemErrorReport",
                "message", "The operation could not be applied after 5 attempts.", "retriable", true)));
    }

    /* Every addition reads the product; readers of one product do not wait for each other, so one round takes them. */
    @Test
    void aThousandAdditionsOfOneProductCostTheStatementsOfOne() throws Throwable {
        List<String> carts = IntStream.range(0, 1000).mapToObj(i -> newCartMask()).toList();
        process(accept(carts.stream().map(cart -> (Command) new CreateEmptyCart(cart)).toList()));

        long one = statementsToProcess(() -> List.of(add(carts.get(0), "simple-product-1", 1)));
        long thousand = statementsToProcess(
                () -> carts.stream().map(cart -> (Command) add(cart, "simple-product-1", 1)).toList());

        assertThat(thousand).isEqualTo(one);
    }

    /* A batch that takes up the deletion first pulls in what it waits for: the assignment, which reads the customer. */
    @Test
    void aCustomerDeletedAfterBeingAssignedIsRefusedWhicheverBatchComesFirst() throws Throwable {
        String cart = newCartMask();
        String email = cart + "@example.com";
        List<String> ids = accept(List.of(new CreateEmptyCart(cart),
                new CreateCustomers(List.of(new CreateCustomers.Entry(email, "Jane", "Doe"))),
                new AssignCustomersToCarts(List.of(new AssignCustomersToCarts.Entry(cart, email))),
                new DeleteCustomers(List.of(email))));

        process(ids.subList(3, 4));

        assertThat(typenames(ids)).containsExactly("PersistOperationCompleted", "CustomersMutationCompleted",
                "CartSaveOperationCompleted", "OperationFailed");
        assertThat(queue(ids.subList(3, 4)).get(0).get("failures").toString()).contains("is assigned to a cart");
    }

    @Test
    void aCustomerAssignedAfterBeingDeletedIsUnknownWhicheverBatchComesFirst() throws Throwable {
        String cart = newCartMask();
        String email = cart + "@example.com";
        List<String> ids = accept(List.of(new CreateEmptyCart(cart),
                new CreateCustomers(List.of(new CreateCustomers.Entry(email, "Jane", "Doe"))),
                new DeleteCustomers(List.of(email)),
                new AssignCustomersToCarts(List.of(new AssignCustomersToCarts.Entry(cart, email)))));

        process(ids.subList(3, 4));

        assertThat(typenames(ids)).containsExactly("PersistOperationCompleted", "CustomersMutationCompleted",
                "CustomersMutationCompleted", "OperationFailed");
        assertThat(queue(ids.subList(3, 4)).get(0).get("failures").toString())
                .contains("No such entity with email " + email);
    }

    /* Deleting a cart drops references it cannot name; a product deletion accepted later waits for it all the same. */
    @Test
    void aProductDeletedAfterTheOnlyCartHoldingItWasDeletedIsDeletedWhicheverBatchComesFirst() throws Throwable {
        String cart = newCartMask();
        String sku = "sku-" + cart;
        List<String> ids = accept(List.of(new CreateEmptyCart(cart),
                new CreateProducts(List.of(new CreateProducts.Entry(sku, "Hot", BigDecimal.ONE))),
                add(cart, sku, 2),
                new DeleteCarts(List.of(new DeleteCarts.Entry(cart))),
                new DeleteProducts(List.of(sku))));

        process(ids.subList(4, 5));
        process(ids);

        assertThat(typenames(ids)).containsExactly("PersistOperationCompleted", "ProductsMutationCompleted",
                "CartSaveOperationCompleted", "CartSaveOperationCompleted", "ProductsMutationCompleted");
    }

    /* Changes of one product between its readers, in concurrent batches in any order: each reader sees the price before it. */
    @Test
    void additionsOfAProductSpreadOverConcurrentBatchesApplyBetweenItsChangesInAcceptanceOrder() throws Throwable {
        String sku = "sku-" + newCartMask();
        List<String> carts = IntStream.range(0, 40).mapToObj(i -> newCartMask()).toList();
        process(accept(carts.stream().map(cart -> (Command) new CreateEmptyCart(cart)).toList()));
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < carts.size(); i++) {
            if (i % 10 == 0) {
                commands.add(i == 0 ? new CreateProducts(List.of(new CreateProducts.Entry(sku, "Hot", BigDecimal.ONE)))
                        : new DeleteProducts(List.of(sku)));
                if (i > 0) {
                    commands.add(new CreateProducts(List.of(new CreateProducts.Entry(sku, "Hot", BigDecimal.ONE))));
                }
            }
            commands.add(add(carts.get(i), sku, 1));
        }
        List<String> ids = accept(commands);

        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(18));
        int quarter = shuffled.size() / 4;
        List<List<String>> batches = List.of(shuffled.subList(0, quarter), shuffled.subList(quarter, 2 * quarter),
                shuffled.subList(2 * quarter, 3 * quarter), shuffled.subList(3 * quarter, shuffled.size()));
        CompletableFuture.allOf(batches.stream().map(batch -> CompletableFuture.runAsync(() -> process(batch)))
                .toArray(CompletableFuture[]::new)).join();
        process(ids);

        // A deletion after ten additions finds the product in a cart; the creation after it then finds it still there.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < carts.size(); i++) {
            if (i % 10 == 0) {
                expected.addAll(i == 0 ? List.of("ProductsMutationCompleted") : List.of("OperationFailed", "OperationFailed"));
            }
            expected.add("CartSaveOperationCompleted");
        }
        assertThat(typenames(ids)).containsExactlyElementsOf(expected);
    }

    /*
     * operation_read is a queue: empty while the processor keeps up, long under a backlog. Statistics taken while it was
     * empty make every plan on it look free; a batch must still find its operations' reads by their own index rather
     * than by reading every unfinished reader.
     */
    @Test
    void aBatchBehindABacklogOfReadersReadsNoMorePagesOfThemOnStatisticsTakenWhileThereWereNone() throws Throwable {
        String cart = newCartMask();
        String backlogCart = newCartMask();
        process(accept(List.of(new CreateEmptyCart(cart), new CreateEmptyCart(backlogCart))));
        database.resetStatementCounts();
        long idle = readerPagesToAddOneProduct(cart);

        // In chunks, each put off at once: the relay would otherwise apply the backlog meanwhile.
        List<String> backlog = new ArrayList<>();
        for (int chunk = 0; chunk < 10; chunk++) {
            List<String> accepted = accept(IntStream.range(0, 500)
                    .mapToObj(i -> (Command) add(backlogCart, "simple-product-2", 1)).toList());
            database.postpone(accepted);
            backlog.addAll(accepted);
        }
        database.statisticsOfAnEmptiedTable("operation_read");
        long behind = readerPagesToAddOneProduct(cart);
        long unfinished = database.single("select count(*) from operation_read where operation_id = any($1)",
                (Object) backlog.toArray(String[]::new)).getLong(0);
        for (int from = 0; from < backlog.size(); from += 1000) {
            process(backlog.subList(from, from + 1000));
        }
        database.execute("analyze operation_read");

        assertThat(unfinished).isEqualTo(backlog.size());
        assertThat(behind).isLessThanOrEqualTo(2 * idle);
        assertThat(queue(backlog.subList(backlog.size() - 1, backlog.size())).get(0))
                .containsEntry("__typename", "CartSaveOperationCompleted");
    }

    /* The least of three runs: the relay may meanwhile apply an operation of this test, which can only add to a count. */
    private long readerPagesToAddOneProduct(String cart) throws Throwable {
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            List<String> ids = accept(List.of(add(cart, "simple-product-1", 1)));
            database.resetStatementCountsNow();
            process(ids);
            least = Math.min(least, database.pagesReadBy("operation_read"));
        }
        return least;
    }

    private List<String> typenames(List<String> ids) {
        return queue(ids).stream().map(state -> (String) state.get("__typename")).toList();
    }

    private long statementsToProcess(int size) throws Throwable {
        return statementsToProcess(() -> IntStream.range(0, size)
                .mapToObj(i -> (Command) new CreateEmptyCart(newCartMask())).toList());
    }

    /**
     * What processing the commands costs, in statements that PostgreSQL counted: the least of three runs, each of the
     * commands made anew. The instance's relay and command consumer may run statements meanwhile (they take up what a
     * test accepted without publishing once its grace has passed), and those can only add to a count.
     */
    private long statementsToProcess(Supplier<List<Command>> commands) throws Throwable {
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            least = Math.min(least, statementsOfOneRun(commands.get()));
        }
        return least;
    }

    private long statementsOfOneRun(List<Command> commands) throws Throwable {
        database.resetStatementCounts();
        List<String> ids = accept(commands);
        database.resetStatementCountsNow();
        process(ids);
        long statements = database.statements();
        assertThat(queue(ids.subList(0, 1)).get(0).get("__typename")).isNotIn("OperationAccepted", "OperationInProgress",
                "OperationFailed");
        return statements;
    }

    private List<String> accept(List<? extends Command> commands) throws Throwable {
        List<NewOperation> operations = commands.stream().map(command -> new NewOperation(
                registry.handlerOf(command).type(), command.aggregateKeys().stream().sorted().toList(),
                command.readKeys().stream().sorted().toList(), mapper.valueToTree(command), null)).toList();
        return VertxContextSupport.subscribeAndAwait(() -> acceptance.acceptAll(operations)).stream()
                .map(acceptance -> ((Acceptance.Recorded) acceptance).envelope().operationId()).toList();
    }

    private void process(List<String> ids) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> processor.process(ids));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static AddProductsToCarts add(String cartMask, String sku, int qty) {
        return new AddProductsToCarts(
                List.of(new AddProductsToCarts.Entry(cartMask, List.of(new AddProductsToCarts.Line(sku, qty)))));
    }
}
