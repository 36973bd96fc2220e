package io.asyncstorefront.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.embedded.EmbeddedServices;
import io.restassured.http.ContentType;

/**
 * The packaged service in production mode, configured only by environment variables, against a real PostgreSQL and a
 * real Artemis: operations accepted before a crash are applied once after the restart.
 */
class DurabilityIT {

    private static final int POSTGRES_PORT = 17432;
    private static final int AMQP_PORT = 17673;
    private static final int HTTP_PORT = 18081;
    private static final Path WORK = Path.of("target", "durability-it");
    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/postgres";

    private static final String CREATE = """
            mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { identifier __typename } }
            """;
    private static final String ADD = """
            mutation Add($cartMask: String!) {
              addProductsToCarts(input: [{cartMask: $cartMask, items: [{sku: "durable-1", qty: 1}]}]) {
                identifier
                __typename
              }
            }
            """;
    private static final String QUEUE = """
            query Queue($ids: [String!]!) { queue(operationIdentifiers: $ids) { identifier __typename } }
            """;
    private static final String CART = """
            query Cart($cartMask: String!) { carts(cartMasks: [$cartMask]) { items { sku qty } } }
            """;

    @BeforeAll
    static void startServices() {
        EmbeddedServices.postgres(POSTGRES_PORT, WORK.resolve("postgres"));
        EmbeddedServices.artemis(AMQP_PORT, WORK.resolve("artemis"));
    }

    @Test
    void theProductionPackageLeavesTheEmbeddedServersOut() throws Exception {
        try (Stream<Path> libraries = Files
                .list(Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "lib", "main"))) {
            assertThat(libraries.map(path -> path.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(
                            name -> name.startsWith("io.zonky.test") || name.startsWith("org.apache.activemq.artemis-server"));
        }
    }

    @Test
    void operationsAcceptedBeforeACrashAreAppliedOnceAfterTheRestart() throws Exception {
        List<String> carts = List.of("durable-a", "durable-b", "durable-c");
        List<String> operations = new ArrayList<>();
        // The processor is off and the relay publishes every command again after a second: the broker then holds each
        // command at least twice when the service crashes.
        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, environment(Map.of(
                "MP_MESSAGING_INCOMING_COMMANDS_IN_ENABLED", "false",
                "OPERATIONS_RELAY_GRACE", "1s",
                "OPERATIONS_RELAY_INTERVAL", "1s")), WORK.resolve("service-1.log"))) {
            insertProduct();
            for (String cart : carts) {
                operations.add(accept(service, CREATE, cart));
                for (int i = 0; i < 3; i++) {
                    operations.add(accept(service, ADD, cart));
                }
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("select count(*) from operation where republished = 0") == 0);
            service.kill();
        }
        assertThat(count("select count(*) from operation where status = 'ACCEPTED'")).isEqualTo(operations.size());

        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, environment(Map.of()), WORK.resolve("service-2.log"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> graphQL(service, QUEUE, Map.of("ids", operations)).stream()
                            .noneMatch(state -> state.get("__typename").toString().startsWith("OperationAccepted")
                                    || state.get("__typename").equals("OperationInProgress")));

            assertThat(graphQL(service, QUEUE, Map.of("ids", operations)))
                    .extracting(state -> state.get("__typename"))
                    .containsOnly("PersistOperationCompleted", "CartSaveOperationCompleted");
            for (String cart : carts) {
                assertThat(given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                        .body(Map.of("query", CART, "variables", Map.of("cartMask", cart)))
                        .post("/graphql").then().statusCode(200).extract().jsonPath().getList("data.carts[0].items"))
                        .isEqualTo(List.of(Map.of("sku", "durable-1", "qty", 3)));
            }
        }
    }

    private static String accept(ServiceProcess service, String mutation, String cartMask) {
        Map<String, Object> state = given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                .body(Map.of("query", mutation, "variables", Map.of("cartMask", cartMask)))
                .post("/graphql").then().statusCode(200).extract().jsonPath().getMap("data.values()[0]");
        assertThat(state).containsEntry("__typename", "OperationAccepted");
        return (String) state.get("identifier");
    }

    private static List<Map<String, Object>> graphQL(ServiceProcess service, String query, Map<String, Object> variables) {
        return given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200).extract().jsonPath().getList("data.queue");
    }

    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + POSTGRES_PORT + "/postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", JDBC_URL,
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "AMQP_HOST", "127.0.0.1",
                "AMQP_PORT", String.valueOf(AMQP_PORT)));
        environment.putAll(extra);
        return environment;
    }

    private static void insertProduct() throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "postgres")) {
            connection.createStatement().execute("""
                    insert into product (sku, name, price) values ('durable-1', 'Durable product', 1.00)
                    on conflict (sku) do nothing
                    """);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "postgres");
                ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
