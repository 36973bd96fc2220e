package io.asyncstorefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.asyncstorefront.support.Database;
import io.asyncstorefront.support.SubscriptionClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * GraphQL over WebSocket serves subscriptions only, with graphql-transport-ws, behind the request gate's checks: other
 * subprotocols are refused at the handshake, queries and mutations sent over it are answered with an error and write
 * nothing, the protocol's mistakes close the connection with its codes, and a connection's subscriptions are bounded.
 */
@QuarkusTest
class WebSocketTest {

    private static final String FOLLOW = """
            subscription Follow($ids: [String!]!) { operationStates(operationIdentifiers: $ids) { __typename } }
            """;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Database database;

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "graphql-ws, ''",
            "graphql-ws, https://attacker.example",
            "mqtt, ''",
    })
    void aHandshakeWithAnotherSubprotocolIsRefused(String subprotocol, String origin) {
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30)).subprotocols(subprotocol);
        if (!origin.isEmpty()) {
            builder.header("Origin", origin);
        }

        Throwable refused = catchThrowable(() -> builder.buildAsync(ws, new WebSocket.Listener() {
        }).get(60, TimeUnit.SECONDS));

        assertThat(refused).as("the handshake succeeded").isNotNull();
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof WebSocketHandshakeException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) cause).getResponse().statusCode()).isEqualTo(400);
    }

    @Test
    void aHandshakeThatNamesWebSocketInOneOfTwoUpgradeHeadersWithoutTheSubprotocolIsRefusedToo() throws Exception {
        // Sent over a raw socket: an HTTP client library would not send the header twice.
        try (Socket socket = new Socket(graphql.getHost(), graphql.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write("""
                    GET /graphql HTTP/1.1\r
                    Host: %s:%d\r
                    Upgrade: foo\r
                    Upgrade: websocket\r
                    Connection: Upgrade\r
                    Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
                    Sec-WebSocket-Version: 13\r
                    Sec-WebSocket-Protocol: graphql-ws\r
                    \r
                    """.formatted(graphql.getHost(), graphql.getPort()).getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mutation { createEmptyCart(cartMask: \"ws-cart\") { identifier } }",
            "{ queue(operationIdentifiers: []) { identifier } }",
    })
    void queriesAndMutationsAreAnsweredWithAnErrorAndWriteNothing(String document) throws Exception {
        long operations = database.operations();
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("1", document, Map.of());

            JsonObject error = client.next();

            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("id")).isEqualTo("1");
            JsonObject first = error.getJsonArray("payload").getJsonObject(0);
            assertThat(first.getString("message")).contains("only subscriptions", "HTTP POST");
            assertThat(first.getJsonObject("extensions").getString("code")).isEqualTo("BAD_REQUEST");
        }
        assertThat(database.operations()).isEqualTo(operations);
    }

    @Test
    void aSubscriptionBeyondTheDocumentLimitsIsAnsweredWithTheLimit() throws Exception {
        String aliased = "subscription { " + IntStream.range(0, 31)
                .mapToObj(i -> "a" + i + ": __typename").collect(Collectors.joining(" ")) + " }";
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("aliases", aliased, Map.of());

            JsonObject error = client.next();

            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"))
                    .isEqualTo("LIMIT_EXCEEDED");
        }
    }

    @Test
    void moreIdentifiersThanQueueTakesAreAnsweredWithTheLimit() throws Exception {
        List<String> ids = IntStream.range(0, 101).mapToObj(i -> "%040d".formatted(i)).toList();
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("many", FOLLOW, Map.of("ids", ids));

            JsonObject error = client.next();

            assertThat(error.getString("type")).isEqualTo("error");
            JsonObject first = error.getJsonArray("payload").getJsonObject(0);
            assertThat(first.getJsonObject("extensions").getString("code")).isEqualTo("LIMIT_EXCEEDED");
            assertThat(first.getJsonObject("extensions").getInteger("limit")).isEqualTo(100);
            assertThat(first.getString("message")).contains("operationIdentifiers");
        }
    }

    @Test
    void aConnectionAnswersPingsAndUnknownIdentifiersOnce() throws Exception {
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.send(new JsonObject().put("type", "ping"));
            assertThat(client.next().getString("type")).isEqualTo("pong");

            client.subscribe("unknown", FOLLOW, Map.of("ids", List.of("f".repeat(40), "not an identifier")));

            assertThat(client.untilEnd("unknown")).extracting(message -> message.getString("type"))
                    .containsExactly("next", "next", "complete");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json | 4400",
            "[] | 4400",
            "{\"type\": \"shout\"} | 4400",
            "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"subscription { __typename }\"}} | 4401",
    })
    void aMessageOutsideTheProtocolClosesTheConnectionWithItsCode(String message, int code) throws Exception {
        try (SubscriptionClient client = SubscriptionClient.connect(graphql)) {
            client.sendText(message);

            assertThat(client.closeCode()).isEqualTo(code);
        }
    }

    @Test
    void aSecondInitialisationClosesTheConnection() throws Exception {
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.send(new JsonObject().put("type", "connection_init"));

            assertThat(client.closeCode()).isEqualTo(4429);
        }
    }
}
