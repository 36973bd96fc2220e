package io.asyncstorefront.operation;

import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A command that keeps failing for a reason other than its input (here a trigger that refuses its row) is retried with
 * backoff, fails with a retriable SystemErrorReport, is moved aside with its payload and last error, does not hold the
 * later operations of its entity, and runs again under its identifier when retryOperations asks for it.
 */
@QuarkusTest
class PoisonCommandTest {

    private static final String CREATE = """
            mutation Create($input: [CreateProductInput!]!) { createProducts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String UPDATE = """
            mutation Update($input: [UpdateProductInput!]!) { updateProducts(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    private static final String RETRY = """
            mutation Retry($ids: [String!]!) { retryOperations(operationIdentifiers: $ids) { %s } }
            """.formatted(STATE_FIELDS);

    @Inject
    Database database;

    private final String sku = "poison-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void makeTheDatabaseRefuseTheProduct() {
        database.execute("""
                create or replace function refuse_poison() returns trigger language plpgsql as $$
                begin
                    if new.sku like 'poison-%' then raise exception 'the database refuses %', new.sku; end if;
                    return new;
                end $$""");
        database.execute(
                "create or replace trigger refuse_poison before insert on product for each row execute function refuse_poison()");
    }

    @AfterEach
    void letTheDatabaseStoreItAgain() {
        database.execute("drop trigger if exists refuse_poison on product");
    }

    @Test
    void aCommandThatKeepsFailingEndsRetriableIsMovedAsideAndRunsAgainWhenRetried() {
        Map<String, Object> failed = mutateAndAwait(CREATE, Map.of("input", List.of(product(sku, "Poison"))));
        Map<String, Object> later = mutateAndAwait(UPDATE, Map.of("input", List.of(Map.of("sku", sku, "price", 2))));
        String id = (String) failed.get("identifier");

        assertThat(failed.get("failures")).isEqualTo(List.of(Map.of("__typename", "SystemErrorReport",
                "message", "The operation could not be applied after 5 attempts.", "retriable", true)));
        assertThat(later.get("__typename")).as("the next operation of the product is not held").isEqualTo("OperationFailed");
        Row letter = database.single(
                "select command_type, payload, last_error, attempts from operation_dead_letter where operation_id = $1", id);
        assertThat(letter.getString("command_type")).isEqualTo("createProducts");
        assertThat(letter.getString("payload")).contains(sku);
        assertThat(letter.getString("last_error")).contains("the database refuses " + sku);
        assertThat(letter.getInteger("attempts")).isEqualTo(5);

        letTheDatabaseStoreItAgain();
        Map<String, Object> retried = execute(RETRY, Map.of("ids", List.of(id))).getMap("data.retryOperations[0]");

        assertThat(retried).containsEntry("__typename", "OperationAccepted").containsEntry("identifier", id);
        assertThat(awaitFinal(retried).get("__typename")).isEqualTo("ProductsMutationCompleted");
        assertThat(database.single("select count(*) from operation_dead_letter where operation_id = $1", id).getLong(0))
                .isZero();
    }

    @Test
    void retryingAnOperationThatDidNotFailForTheSystemAnswersItsStateAndChangesNothing() {
        Map<String, Object> completed = mutateAndAwait(CREATE, Map.of("input", List.of(product("kept-" + sku, "Kept"))));
        String unknown = "f".repeat(40);

        List<Map<String, Object>> answered = execute(RETRY, Map.of("ids", Arrays.asList(
                (String) completed.get("identifier"), unknown))).getList("data.retryOperations");

        assertThat(answered.get(0)).containsEntry("__typename", "ProductsMutationCompleted");
        assertThat(answered.get(1)).isNull();
    }

    private static Map<String, Object> product(String sku, String name) {
        return Map.of("sku", sku, "name", name, "price", 1);
    }
}
