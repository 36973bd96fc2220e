package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CANCEL;
import static io.asyncstorefront.support.Documents.CART;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.asyncstorefront.support.GraphQLClient.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.support.Database;
import io.asyncstorefront.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Retention on the real schedule, with partitions of one second and operations kept ten seconds: finished operations
 * are forgotten a partition at a time, and what must stay (unfinished operations, preceding steps of unfinished steps,
 * young dead letters) stays until it too is final and expired; what follows a forgotten operation is applied in order.
 * The instance processes nothing by itself, so that the test decides what is unfinished.
 */
@QuarkusTest
@TestProfile(RetentionTest.ShortRetention.class)
class RetentionTest {

    public static class ShortRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("operations.role", "api",
                    "operations.retention.period", "10s",
                    "operations.retention.partition-span", "1s",
                    "operations.retention.interval", "1s",
                    "operations.retention.dead-letter-period", "1h");
        }
    }

    private static final String ADD = """
            mutation($m: String!) {
              addProductsToCarts(input: [{cartMask: $m, items: [{sku: "simple-product-1", qty: 1}]}]) { identifier }
            }
            """;
    private static final String STEPS = """
            mutation($m: String!) {
              cart(cartMask: $m) {
                first: addProducts(items: [{sku: "simple-product-1", qty: 1}]) { identifier }
                second: addProducts(items: [{sku: "simple-product-1", qty: 2}]) { identifier }
              }
            }
            """;
    private static final Duration FORGETTING = Duration.ofSeconds(90);

    @Inject
    OperationProcessor processor;
    @Inject
    Database database;

    /** Partitions that earlier tests' instances created, of a day each, would not expire here. */
    @BeforeEach
    void ownPartitions() {
        database.execute("""
                do $$
                declare partition record;
                begin
                    perform pg_advisory_xact_lock(7260211839214711);
                    for partition in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                                     where i.inhparent in ('operation'::regclass, 'operation_aggregate'::regclass)
                                           and c.relname not like '%_default'
                    loop
                        execute format('drop table %I', partition.relname);
                    end loop;
                end $$
                """);
        await().atMost(FORGETTING).until(() -> database.partitionOf(
                create(newCartMask())).startsWith("operation_p"));
    }

    @Test
    void finishedOperationsGoAPartitionAtATimeAndWhatStillMattersStaysInOrder() {
        String doneCart = newCartMask();
        String done = create(doneCart);
        assertThat(database.partitionOf(done)).startsWith("operation_p");
        String stepsCart = newCartMask();
        String waitingCart = newCartMask();
        String stepsCreated = create(stepsCart);
        String waitingCreated = create(waitingCart);
        String deadLetter = create(newCartMask());
        String oldDeadLetter = create(newCartMask());
        process(done, stepsCreated, waitingCreated, deadLetter, oldDeadLetter);

        Map<String, Object> steps = execute(STEPS, Map.of("m", stepsCart)).getMap("data.cart");
        String first = identifierOf(steps.get("first"));
        String second = identifierOf(steps.get("second"));
        process(first);
        String unfinished = identifier(execute(ADD, Map.of("m", waitingCart)));
        String cancelledAfterIt = identifier(execute(ADD, Map.of("m", waitingCart)));
        execute(CANCEL, Map.of("ids", List.of(cancelledAfterIt)));
        deadLetter(deadLetter, "now()");
        deadLetter(oldDeadLetter, "now() - interval '2 hours'");
        List<String> kept = List.of(first, second, unfinished, deadLetter);
        List<Map<String, Object>> keptStates = queue(kept);

        await().atMost(FORGETTING).until(() -> queue(List.of(done, stepsCreated, waitingCreated, oldDeadLetter,
                cancelledAfterIt)).stream().allMatch(Objects::isNull)
                && kept.stream().allMatch(id -> database.partitionOf(id).equals("operation_default")));
        assertThat(queue(kept)).isEqualTo(keptStates);
        assertThat(database.single("select count(*) from operation_dead_letter where operation_id = any($1)",
                (Object) new String[] { deadLetter, oldDeadLetter }).getLong(0)).isEqualTo(1);

        process(second, unfinished);
        String afterTheForgotten = identifier(execute(ADD, Map.of("m", waitingCart)));
        process(afterTheForgotten);
        assertThat(queue(List.of(second, unfinished, afterTheForgotten))).extracting(state -> state.get("__typename"))
                .containsOnly("CartSaveOperationCompleted");
        assertThat(quantities(stepsCart)).containsExactly(3);
        assertThat(quantities(waitingCart)).containsExactly(2);

        database.execute("delete from operation_dead_letter where operation_id = '" + deadLetter + "'");
        await().atMost(FORGETTING).until(() -> queue(kept).stream().allMatch(Objects::isNull)
                && queue(List.of(afterTheForgotten)).get(0) == null);
    }

    @Test
    void partitionsAreCreatedAheadAndExpiredOnesDropped() {
        List<String> seen = new ArrayList<>();
        await().atMost(FORGETTING).until(() -> {
            List<String> now = database.ledgerPartitions().stream().sorted().toList();
            boolean dropped = !seen.isEmpty() && !now.contains(seen.get(0));
            if (seen.isEmpty()) {
                seen.addAll(now);
            }
            return dropped;
        });
        assertThat(database.ledgerPartitions()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(database.single("""
                select count(*) from pg_class where relkind = 'r' and not relispartition
                and relname ~ '^operation(_aggregate)?_p[0-9]'
                """).getLong(0)).as("detached partitions left behind").isZero();
    }

    private String create(String cartMask) {
        return identifier(execute(CREATE_CART, Map.of("cartMask", cartMask)));
    }

    private void process(String... identifiers) {
        OnVertx.await(() -> processor.process(Arrays.asList(identifiers)));
    }

    /** Records the operation as a dead letter, as if its attempts had run out at the given time. */
    private void deadLetter(String identifier, String failedAt) {
        database.execute("""
                insert into operation_dead_letter (operation_id, command_type, payload, last_error, attempts, failed_at)
                select id, command_type, payload, 'test', 5, %s from operation where id = '%s'
                """.formatted(failedAt, identifier));
    }

    private static List<Integer> quantities(String cartMask) {
        return execute(CART, Map.of("cartMask", cartMask)).getList("data.carts[0].items.qty");
    }

    private static String identifier(JsonPath answer) {
        return identifierOf(answer.getMap("data").values().iterator().next());
    }

    @SuppressWarnings("unchecked")
    private static String identifierOf(Object state) {
        return (String) ((Map<String, Object>) state).get("identifier");
    }
}
