package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.execute;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Clients that write, then use what they wrote (or delete, then use), each request sent once the one before has been
 * answered, as a client of sync mutations would: the outcomes are those of sync mode. In async mode the first half of
 * the rounds is accepted while the processor's batches wait for a lock on the cart table, so that the commands reach
 * it in large batches, two at a time, once it is released; the second half while that backlog drains.
 */
@QuarkusTest
class CausalOrderTest {

    private static final int CLIENTS = 8;
    /* Rounds per client and test: more with -Dcausal-order.rounds=N. */
    private static final int ROUNDS = Integer.getInteger("causal-order.rounds", 40);

    private static final String CREATE_CUSTOMER = """
            mutation($email: String!) {
              createCustomers(input: [{email: $email, firstname: "Jane", lastname: "Doe"}]) { identifier __typename }
            }
            """;
    private static final String CREATE_PRODUCT = """
            mutation($sku: String!) {
              createProducts(input: [{sku: $sku, name: "Lamp", price: 10}]) { identifier __typename }
            }
            """;
    private static final String ASSIGN = """
            mutation($m: String!, $email: String!) {
              assignCustomersToCarts(input: [{cartMask: $m, email: $email}]) { identifier __typename }
            }
            """;
    private static final String ADD = """
            mutation($m: String!, $sku: String!) {
              addProductsToCarts(input: [{cartMask: $m, items: [{sku: $sku, qty: 1}]}]) { identifier __typename }
            }
            """;
    private static final String DELETE_CUSTOMER = """
            mutation($email: String!) { deleteCustomers(input: [{email: $email}]) { identifier __typename } }
            """;
    private static final String DELETE_PRODUCT = """
            mutation($sku: String!) { deleteProducts(input: [{sku: $sku}]) { identifier __typename } }
            """;
    private static final String DELETE_CART = """
            mutation($m: String!) { deleteCarts(input: [{cartMask: $m}]) { identifier __typename } }
            """;
    private static final String STATES = """
            query($ids: [String!]!) { queue(operationIdentifiers: $ids) { %s } }
            """.formatted(STATE_FIELDS);

    @Inject
    OperationsConfig config;
    @Inject
    Pool pool;

    @Test
    void aCustomerAndAProductUsedOnceTheirCreationIsAcceptedAreFound() throws Exception {
        List<Expected> sent = run(ROUNDS, (m, email, sku, requests) -> {
            requests.send(CREATE_CART, Map.of("cartMask", m), null);
            requests.send(CREATE_CUSTOMER, Map.of("email", email), null);
            requests.send(CREATE_PRODUCT, Map.of("sku", sku), null);
            requests.send(ASSIGN, Map.of("m", m, "email", email), null);
            requests.send(ADD, Map.of("m", m, "sku", sku), null);
        });

        assertOutcomes(sent);
    }

    @Test
    void deletionsAndUsesSeeWhatWasAcceptedBeforeThem() throws Exception {
        List<Expected> sent = run(ROUNDS / 4, (m, email, sku, requests) -> {
            requests.send(CREATE_CART, Map.of("cartMask", m), null);
            requests.send(CREATE_CUSTOMER, Map.of("email", email), null);
            requests.send(CREATE_PRODUCT, Map.of("sku", sku), null);
            requests.send(ASSIGN, Map.of("m", m, "email", email), null);
            requests.send(ADD, Map.of("m", m, "sku", sku), null);
            requests.send(DELETE_CUSTOMER, Map.of("email", email), "The customer " + email + " is assigned to a cart");
            requests.send(DELETE_PRODUCT, Map.of("sku", sku), "The product " + sku + " is in a cart");
            requests.send(DELETE_CART, Map.of("m", m), null);
            requests.send(DELETE_CUSTOMER, Map.of("email", email), null);
            requests.send(DELETE_PRODUCT, Map.of("sku", sku), null);
            String other = m + "-2";
            requests.send(CREATE_CART, Map.of("cartMask", other), null);
            requests.send(ASSIGN, Map.of("m", other, "email", email), "No such entity with email " + email);
            requests.send(ADD, Map.of("m", other, "sku", sku), "No such product with sku " + sku);
        });

        assertOutcomes(sent);
    }

    /** One round of one client: the entities are new to it. */
    @FunctionalInterface
    private interface Round {
        void play(String cartMask, String email, String sku, Requests requests);
    }

    /** Sends a request once the one before it is answered and notes what its operation should end as. */
    private static final class Requests {

        final List<Expected> sent = new ArrayList<>();

        /** @param failure null if the operation completes; else a text that its failure report holds */
        void send(String document, Map<String, String> variables, String failure) {
            Map<String, Object> data = execute(document, variables).getMap("data");
            assertThat(data).as("the answer to %s", document).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) data.values().iterator().next();
            sent.add(new Expected((String) state.get("identifier"), document, failure));
        }
    }

    private record Expected(String identifier, String document, String failure) {
    }

    private List<Expected> run(int roundsPerClient, Round round) throws Exception {
        List<Expected> sent = Collections.synchronizedList(new ArrayList<>());
        boolean async = config.modeOf("addProductsToCarts") == OperationsConfig.Mode.ASYNC;
        SqlConnection hold = async ? holdTheProcessor() : null;
        try {
            sent.addAll(play(roundsPerClient / 2, round));
        } finally {
            if (hold != null) {
                // Closing a connection rolls back its transaction, which releases the lock.
                hold.close().await().indefinitely();
            }
        }
        sent.addAll(play(roundsPerClient - roundsPerClient / 2, round));
        return sent;
    }

    /** Batches that write carts wait for this lock; requests read carts and are answered meanwhile. */
    private SqlConnection holdTheProcessor() {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        connection.begin().await().indefinitely();
        connection.query("lock table cart in share mode").execute().await().indefinitely();
        return connection;
    }

    private static List<Expected> play(int rounds, Round round) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<List<Expected>>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(() -> {
                    Requests requests = new Requests();
                    for (int r = 0; r < rounds; r++) {
                        String m = newCartMask();
                        round.play(m, m + "@example.com", "sku-" + m.substring(5, 30), requests);
                    }
                    return requests.sent;
                });
            }
            List<Expected> sent = new ArrayList<>();
            for (Future<List<Expected>> client : clients.invokeAll(work)) {
                sent.addAll(client.get());
            }
            return sent;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertOutcomes(List<Expected> sent) {
        List<String> wrong = new ArrayList<>();
        for (int from = 0; from < sent.size(); from += 100) {
            List<Expected> chunk = sent.subList(from, Math.min(from + 100, sent.size()));
            List<String> ids = chunk.stream().map(Expected::identifier).toList();
            // As long as operations keep finishing, however slowly: a minute without progress fails.
            List<Map<String, Object>> states = queue(ids);
            while (unfinished(states) > 0) {
                long before = unfinished(states);
                states = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> queue(ids), now -> unfinished(now) < before);
            }
            for (int i = 0; i < chunk.size(); i++) {
                Expected expected = chunk.get(i);
                Map<String, Object> state = states.get(i);
                boolean failed = "OperationFailed".equals(state.get("__typename"));
                boolean right = expected.failure() == null ? !failed
                        : failed && String.valueOf(state.get("failures")).contains(expected.failure());
                if (!right) {
                    wrong.add(expected.document().strip().lines().findFirst().orElse("") + " → " + state);
                }
            }
        }
        assertThat(wrong).as("operations whose outcome differs from sync mode's, of %d", sent.size()).isEmpty();
    }

    private static long unfinished(List<Map<String, Object>> states) {
        return states.stream().filter(state -> state == null
                || Set.of("OperationAccepted", "OperationInProgress").contains(state.get("__typename"))).count();
    }
}
