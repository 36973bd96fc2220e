package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CREATE_CART_STATE;
import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.messaging.OperationRelay;
import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

/**
 * What processing an operation costs, counted: statements in sync mode, and plans in Hibernate's query plan cache,
 * which must not grow with the operations processed (a plan per execution would fill it with plans never found again,
 * each lookup comparing them one by one).
 */
@QuarkusTest
@TestProfile(ProcessingCostTest.SyncModeWithStatistics.class)
class ProcessingCostTest {

    private static final String ADD = """
            mutation Add($cartMask: String!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: [{sku: "simple-product-1", qty: 1}]}]) { %s }
            }
            """.formatted(STATE_FIELDS);

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Database database;
    @Inject
    OperationRelay relay;

    @Test
    void aCartCreatedInSyncModeCostsThreeStatementsBetweenBeginAndCommit() {
        createCartWithAProduct();
        database.resetStatementCounts();

        assertThat(execute(CREATE_CART_STATE, Map.of("cartMask", newCartMask())).getString("data.createEmptyCart.__typename"))
                .isEqualTo("PersistOperationCompleted");

        // Every statement of the database since the reset, and so of the request, since nothing else runs here: BEGIN,
        // the accept statement (which also locks the cart's progress and answers the operation), the cart's insert,
        // the final state with the cart's progress, COMMIT.
        List<String> statements = database.everyStatement();
        assertThat(statements.stream().mapToLong(statement -> Long.parseLong(statement.split(" ")[0])).sum())
                .as(String.join("\n", statements)).isEqualTo(5);
    }

    @Test
    void aSyncMutationNotifiesNoStateChangeSinceNobodyCanFollowItsOperationBeforeItIsAnswered() {
        createCartWithAProduct();

        List<String> notices = database.stateNoticesDuring(() -> assertThat(
                execute(CREATE_CART_STATE, Map.of("cartMask", newCartMask())).getString("data.createEmptyCart.__typename"))
                .isEqualTo("PersistOperationCompleted"));

        // A notice would serialise the commits of every request: PostgreSQL orders notifying commits one at a time.
        assertThat(notices).isEmpty();
    }

    @Test
    void processingOperationsAndRelayRoundsAddNoPlansToHibernatesQueryPlanCache() throws Throwable {
        createCartWithAProduct();
        long missesBefore = sessions.getStatistics().getQueryPlanCacheMissCount();

        for (int i = 0; i < 20; i++) {
            createCartWithAProduct();
            VertxContextSupport.subscribeAndAwait(relay::republishOverdue);
        }

        assertThat(sessions.getStatistics().getQueryPlanCacheMissCount()).isEqualTo(missesBefore);
    }

    @Test
    void theServicesConnectionsCompileNoStatements() {
        assertThat(database.single("show jit").getString(0)).isEqualTo("off");
    }

    private static void createCartWithAProduct() {
        Map<String, String> cart = Map.of("cartMask", newCartMask());
        assertThat(List.of(execute(CREATE_CART_STATE, cart).getString("data.createEmptyCart.__typename"),
                execute(ADD, cart).getString("data.addProductsToCarts.__typename")))
                .containsExactly("PersistOperationCompleted", "CartSaveOperationCompleted");
    }

    /**
     * Sync mode, so that each mutation is processed within its request; the relay's and the lag's periodic statements
     * wait an hour, so that the database runs the requests' statements alone.
     */
    public static class SyncModeWithStatistics implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("operations.mode", "sync", "operations.relay.interval", "1h",
                    "operations.relay.lag-interval", "1h", "quarkus.hibernate-orm.statistics", "true");
        }
    }
}
