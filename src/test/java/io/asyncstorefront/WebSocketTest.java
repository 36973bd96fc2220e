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
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.asyncstorefront.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * GraphQL over WebSocket would run operations past the request gate's checks; the schema has no subscription, so every
 * handshake is refused, whatever its subprotocol or origin, and nothing can be sent over it.
 */
@QuarkusTest
class WebSocketTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Database database;

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "graphql-transport-ws, ''",
            "graphql-ws, ''",
            "graphql-transport-ws, https://attacker.example",
            "graphql-ws, https://attacker.example",
    })
    void aWebSocketHandshakeIsRefusedBeforeAnyOperationCanBeSent(String subprotocol, String origin) {
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30)).subprotocols(subprotocol);
        if (!origin.isEmpty()) {
            builder.header("Origin", origin);
        }
        long operations = database.operations();

        Throwable refused = catchThrowable(() -> builder.buildAsync(ws, new WebSocket.Listener() {
        }).get(60, TimeUnit.SECONDS));

        assertThat(refused).as("the handshake succeeded").isNotNull();
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof WebSocketHandshakeException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) cause).getResponse().statusCode()).isEqualTo(400);
        assertThat(database.operations()).isEqualTo(operations);
    }

    @Test
    void aHandshakeThatNamesWebSocketInOneOfTwoUpgradeHeadersIsRefusedToo() throws Exception {
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
                    Sec-WebSocket-Protocol: graphql-transport-ws\r
                    \r
                    """.formatted(graphql.getHost(), graphql.getPort()).getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }
}
