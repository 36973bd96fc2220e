package io.asyncstorefront.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.json.JsonObject;

/**
 * A GraphQL client over WebSocket with the subprotocol graphql-transport-ws, as browser libraries speak it (graphql-ws):
 * the JDK's WebSocket client, one connection, every message received kept in order.
 */
public final class SubscriptionClient implements AutoCloseable {

    /** Long enough for a slow machine; a test waits for a message, never for a set time. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final WebSocket socket;

    private SubscriptionClient(URI graphql, String subprotocol) throws Exception {
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(PATIENCE).subprotocols(subprotocol)
                .buildAsync(ws, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(new JsonObject(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeReason.complete(reason);
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Connects without initialising the connection. */
    public static SubscriptionClient connect(URI graphql) throws Exception {
        return new SubscriptionClient(graphql, "graphql-transport-ws");
    }

    /** Connects and initialises the connection: connection_init, answered with connection_ack. */
    public static SubscriptionClient initialised(URI graphql) throws Exception {
        SubscriptionClient client = connect(graphql);
        client.send(new JsonObject().put("type", "connection_init"));
        JsonObject ack = client.next();
        if (!"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("Expected connection_ack, got " + ack);
        }
        return client;
    }

    public void send(JsonObject message) {
        sendText(message.encode());
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public void subscribe(String id, String document, Map<String, ?> variables) {
        send(new JsonObject().put("type", "subscribe").put("id", id)
                .put("payload",
                        new JsonObject().put("query", document).put("variables", new JsonObject(Map.copyOf(variables)))));
    }

    /** The next message received. */
    public JsonObject next() throws InterruptedException {
        JsonObject message = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No message within " + PATIENCE);
        }
        return message;
    }

    /** Every message of the subscription up to and including its complete or error message. */
    public List<JsonObject> untilEnd(String id) throws InterruptedException {
        List<JsonObject> messages = new ArrayList<>();
        while (true) {
            JsonObject message = next();
            if (!id.equals(message.getString("id"))) {
                continue;
            }
            messages.add(message);
            if (!"next".equals(message.getString("type"))) {
                return messages;
            }
        }
    }

    /** The close code the server sent, once it closed the connection. */
    public int closeCode() throws Exception {
        return closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    public String closeReason() throws Exception {
        return closeReason.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(ignored -> null);
        }
        socket.abort();
    }
}
