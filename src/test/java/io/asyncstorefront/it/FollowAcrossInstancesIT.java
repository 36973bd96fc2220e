package io.asyncstorefront.it;

import static io.asyncstorefront.support.Documents.ADD;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.embedded.EmbeddedServices;
import io.asyncstorefront.support.SubscriptionClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * Two packaged instances, one that accepts (role api) and one that processes (role processor): a client of the first
 * is told of the states that the second commits, by subscription and by waiting on its request, also through a broker
 * restart that holds the operations back.
 */
class FollowAcrossInstancesIT {

    private static final int POSTGRES_PORT = 17432;
    private static final int AMQP_PORT = 17703;
    private static final int API_PORT = 18093;
    private static final int PROCESSOR_PORT = 18094;
    private static final Path WORK = Path.of("target", "follow-across-instances-it");
    private static final String SKU = "followed-1";
    private static final String FOLLOW = """
            subscription Follow($ids: [String!]!) {
              operationStates(operationIdentifiers: $ids) { __typename identifier }
            }
            """;
    private static final List<String> ORDER = List.of("OperationAccepted", "OperationInProgress");

    @Test
    void statesCommittedByAnotherInstanceArePushedInOrderAndNoneIsLostThroughABrokerRestart() throws Exception {
        EmbeddedServices.postgres(POSTGRES_PORT, WORK.resolve("postgres"));
        PostgresDatabase database = PostgresDatabase.recreate(POSTGRES_PORT, "follow_across");
        try (BrokerProcess broker = BrokerProcess.start(AMQP_PORT, WORK.resolve("broker"));
                ServiceProcess api = ServiceProcess.start(API_PORT, ProductionEnvironment.of(database, AMQP_PORT,
                        Map.of("OPERATIONS_ROLE", "api")), WORK.resolve("api.log"));
                ServiceProcess processor = ServiceProcess.start(PROCESSOR_PORT, ProductionEnvironment.of(database,
                        AMQP_PORT, Map.of("OPERATIONS_ROLE", "processor")), WORK.resolve("processor.log"))) {
            database.execute("insert into product (sku, name, price) values ('" + SKU + "', 'Followed product', 1.00)");
            URI graphql = URI.create(api.baseUri() + "/graphql");
            String cart = "followed-" + System.nanoTime();

            // Subscribed while the processor applies it, then once more after it ended.
            String created = api.accept(CREATE_CART, Map.of("cartMask", cart));
            try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
                client.subscribe("created", FOLLOW, Map.of("ids", List.of(created)));
                assertPushedInOrder(client.untilEnd("created"), List.of(created), "PersistOperationCompleted");
                client.subscribe("late", FOLLOW, Map.of("ids", List.of(created)));
                assertThat(client.untilEnd("late")).extracting(m -> m.getString("type"))
                        .containsExactly("next", "complete");
            }

            // A request that waits is answered with the state the other instance committed.
            Response waited = given().baseUri(api.baseUri()).contentType(ContentType.JSON).header("Prefer", "wait=10")
                    .body(Map.of("query", ADD, "variables", Map.of("cartMask", cart, "sku", SKU))).post("/graphql");
            assertThat(waited.header("Preference-Applied")).isEqualTo("wait=10");
            assertThat(waited.jsonPath().getString("data.addProductsToCarts.__typename"))
                    .isEqualTo("CartSaveOperationCompleted");

            // Accepted while the broker is down, followed from then on, applied once it is back.
            broker.kill();
            List<String> held = IntStream.range(0, 20)
                    .mapToObj(i -> api.accept(ADD, Map.of("cartMask", cart, "sku", SKU))).toList();
            try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
                client.subscribe("held", FOLLOW, Map.of("ids", held));
                List<JsonObject> first = new ArrayList<>();
                for (int i = 0; i < held.size(); i++) {
                    first.add(client.next());
                }
                broker.restart();
                List<JsonObject> messages = new ArrayList<>(first);
                messages.addAll(client.untilEnd("held"));

                assertThat(first).extracting(m -> state(m).getString("__typename")).containsOnly("OperationAccepted");
                assertPushedInOrder(messages, held, "CartSaveOperationCompleted");
            }
            assertThat(database.count("select coalesce(sum(qty), 0) from cart_item")).isEqualTo(21);
        }
    }

    /** Each operation's states in the order they can follow one another, ending in the final one; then complete. */
    private static void assertPushedInOrder(List<JsonObject> messages, List<String> operations, String finalState) {
        assertThat(messages.get(messages.size() - 1).getString("type")).isEqualTo("complete");
        Map<String, List<String>> byOperation = new LinkedHashMap<>();
        for (JsonObject message : messages.subList(0, messages.size() - 1)) {
            assertThat(message.getString("type")).isEqualTo("next");
            byOperation.computeIfAbsent(state(message).getString("identifier"), id -> new ArrayList<>())
                    .add(state(message).getString("__typename"));
        }
        assertThat(byOperation.keySet()).containsExactlyInAnyOrderElementsOf(operations);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ORDER.size(); i++) {
            rank.put(ORDER.get(i), i);
        }
        rank.put(finalState, ORDER.size());
        byOperation.forEach((operation, states) -> {
            assertThat(states).as(operation).endsWith(finalState).doesNotHaveDuplicates();
            assertThat(states).as(operation).isSortedAccordingTo((a, b) -> rank.get(a) - rank.get(b));
        });
    }

    private static JsonObject state(JsonObject message) {
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("operationStates");
    }
}
