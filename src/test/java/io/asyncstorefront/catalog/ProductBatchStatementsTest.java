package io.asyncstorefront.catalog;

import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.asyncstorefront.support.SyncMode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A batch of N products costs the same statements as a batch of one, counted by PostgreSQL itself. */
@QuarkusTest
@TestProfile(SyncMode.class)
class ProductBatchStatementsTest {

    @Inject
    Database database;

    @Test
    void aBatchCostsAConstantNumberOfStatementsWhateverItsSize() {
        assertThat(statementsFor(1)).isEqualTo(statementsFor(50)).isEqualTo(new Statements(2, 2, 2));
    }

    private Statements statementsFor(int size) {
        String prefix = "s-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> skus = IntStream.range(0, size).mapToObj(i -> prefix + i).toList();

        database.resetStatementCounts();
        assertThat(mutateAndAwait(ProductMutationsTest.CREATE, Map.of("input", skus.stream()
                .map(sku -> Map.of("sku", sku, "name", "Product " + sku, "price", 1)).toList())))
                .containsEntry("__typename", "ProductsMutationCompleted");
        long created = database.statementsOn("product");

        database.resetStatementCounts();
        mutateAndAwait(ProductMutationsTest.UPDATE,
                Map.of("input", skus.stream().map(sku -> Map.of("sku", sku, "price", 2)).toList()));
        long updated = database.statementsOn("product");

        database.resetStatementCounts();
        mutateAndAwait(ProductMutationsTest.DELETE, Map.of("input", skus.stream().map(sku -> Map.of("sku", sku)).toList()));
        long deleted = database.statementsOn("product");

        return new Statements(created, updated, deleted);
    }

    record Statements(long create, long update, long delete) {
    }
}
