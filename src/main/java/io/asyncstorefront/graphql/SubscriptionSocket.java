package io.asyncstorefront.graphql;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.Json;

import org.jboss.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.fasterxml.jackson.databind.JsonNode;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.execution.ResultPath;
import io.asyncstorefront.error.ErrorCode;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over WebSocket at /graphql, for subscriptions only, with the subprotocol graphql-transport-ws: each subscribe
 * message passes the request gate's checks before it runs, a connection runs a bounded number of subscriptions, and a
 * client that reads too slowly is closed rather than buffered for.
 */
@ApplicationScoped
class SubscriptionSocket {

    static final String SUBPROTOCOL = "graphql-transport-ws";
    /** graphql-transport-ws's close codes, and this service's own for a client that reads too slowly. */
    static final short BAD_MESSAGE = 4400;
    static final short UNAUTHORIZED = 4401;
    static final short INIT_TIMEOUT = 4408;
    static final short SUBSCRIBER_EXISTS = 4409;
    static final short TOO_MANY_INITS = 4429;
    static final short TOO_SLOW = 4413;

    private static final Logger LOG = Logger.getLogger(SubscriptionSocket.class);

    private final RequestGate gate;
    private final GraphQLLimits.WebSocket limits;
    private final Instance<ExecutionService> execution;
    private final AtomicInteger connections = new AtomicInteger();

    SubscriptionSocket(RequestGate gate, GraphQLLimits limits, Instance<ExecutionService> execution) {
        this.gate = gate;
        this.limits = limits.websocket();
        this.execution = execution;
    }

    void install(@Observes Router router) {
        // Ahead of SmallRye GraphQL's own WebSocket route (order -99), which runs any operation past every check, and
        // of the request gate's refusal of methods other than POST.
        router.route("/graphql").order(-300).handler(this::handshake);
    }

    private void handshake(RoutingContext context) {
        // Any Upgrade header naming websocket, as Vert.x upgrades on any of them.
        if (context.request().headers().getAll("Upgrade").stream()
                .noneMatch(upgrade -> upgrade.toLowerCase(Locale.ROOT).contains("websocket"))) {
            context.next();
            return;
        }
        boolean offered = context.request().headers().getAll("Sec-WebSocket-Protocol").stream()
                .flatMap(header -> Arrays.stream(header.split(","))).map(String::trim)
                .anyMatch(SUBPROTOCOL::equals);
        if (!offered) {
            refuse(context, 400, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "GraphQL over WebSocket is served with "
                    + "the subprotocol " + SUBPROTOCOL + ", for subscriptions; send queries and mutations as an HTTP POST"));
            return;
        }
        if (connections.incrementAndGet() > limits.maxConnections()) {
            connections.decrementAndGet();
            refuse(context, 503, GraphQLErrorBody.of(ErrorCode.UNAVAILABLE, "This instance holds as many WebSocket "
                    + "connections as it may (" + limits.maxConnections() + "); connect again later"));
            return;
        }
        context.request().toWebSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                connections.decrementAndGet();
                LOG.debugf("A WebSocket handshake failed: %s", upgraded.cause().toString());
                return;
            }
            new Connection(upgraded.result()).start();
        });
    }

    private static void refuse(RoutingContext context, int status, GraphQLErrorBody error) {
        context.response().setStatusCode(status).putHeader("Content-Type", GraphQLResponses.contentType(context))
                .end(error.encode());
    }

    /** One client's connection: the protocol's states, its subscriptions, the messages not yet written. */
    private final class Connection {

        private final ServerWebSocket socket;
        private final Context context;
        private final Map<String, Running> subscriptions = new ConcurrentHashMap<>();
        private final AtomicInteger pending = new AtomicInteger();
        private volatile boolean acknowledged;
        private volatile boolean closed;
        private long initTimer;

        Connection(ServerWebSocket socket) {
            this.socket = socket;
            this.context = Vertx.currentContext();
        }

        void start() {
            socket.closeHandler(ignored -> ended());
            socket.exceptionHandler(failure -> LOG.debugf("A WebSocket connection failed: %s", failure.toString()));
            socket.textMessageHandler(this::received);
            socket.binaryMessageHandler(ignored -> close(BAD_MESSAGE, "Messages are text"));
            initTimer = context.owner().setTimer(limits.initTimeout().toMillis(), ignored -> {
                if (!acknowledged) {
                    close(INIT_TIMEOUT, "Connection initialisation timeout");
                }
            });
        }

        private void received(String text) {
            JsonNode message;
            try {
                message = gate.readJson(text);
            } catch (RequestGate.NotJson e) {
                close(BAD_MESSAGE, e.getMessage());
                return;
            }
            String type = message != null && message.isObject() && message.path("type").isTextual()
                    ? message.get("type").textValue()
                    : null;
            if (type == null) {
                close(BAD_MESSAGE, "A message is a JSON object with a type");
                return;
            }
            switch (type) {
                case "connection_init" -> {
                    if (acknowledged) {
                        close(TOO_MANY_INITS, "Too many initialisation requests");
                        return;
                    }
                    acknowledged = true;
                    context.owner().cancelTimer(initTimer);
                    send(new JsonObject().put("type", "connection_ack"));
                }
                case "ping" -> send(new JsonObject().put("type", "pong"));
                case "pong" -> {
                    // an answer to nothing this server asked; the protocol allows it
                }
                case "subscribe" -> subscribe(message);
                case "complete" -> {
                    Running running = message.path("id").isTextual() ? subscriptions.remove(message.get("id").textValue())
                            : null;
                    if (running != null) {
                        running.cancel();
                    }
                }
                default -> close(BAD_MESSAGE, "Unknown message type: " + type);
            }
        }

        private void subscribe(JsonNode message) {
            if (!acknowledged) {
                close(UNAUTHORIZED, "Unauthorized");
                return;
            }
            JsonNode id = message.get("id");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                close(BAD_MESSAGE, "A subscribe message has an id string");
                return;
            }
            String operation = id.textValue();
            if (subscriptions.containsKey(operation)) {
                close(SUBSCRIBER_EXISTS, "Subscriber for " + operation + " already exists");
                return;
            }
            JsonNode payload = message.get("payload");
            Optional<RequestGate.Refusal> refusal = gate.refusalOf(payload, true);
            if (refusal.isPresent()) {
                error(operation, refusal.get().error());
                return;
            }
            if (subscriptions.size() >= limits.maxSubscriptions()) {
                error(operation, GraphQLErrorBody.limit("This connection runs %d subscriptions, its most; complete one "
                        .formatted(limits.maxSubscriptions()) + "first", limits.maxSubscriptions()));
                return;
            }
            Running running = new Running(operation);
            subscriptions.put(operation, running);
            jakarta.json.JsonObject request = Json.createReader(new StringReader(payload.toString())).readObject();
            // On a context of its own, as an HTTP request's execution runs.
            Context duplicate = VertxContext.createNewDuplicatedContext(context);
            duplicate.runOnContext(ignored -> execution.get().executeAsync(request, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    ExecutionResult result = response.getExecutionResult();
                    if (!result.isDataPresent() || !(result.getData() instanceof Publisher<?>)) {
                        // A document the schema refused, or a resolver that failed before its first state.
                        if (subscriptions.remove(operation, running)) {
                            send(new JsonObject().put("type", "error").put("id", operation).put("payload",
                                    new JsonObject(response.getExecutionResultAsString()).getJsonArray("errors",
                                            new JsonArray())));
                        }
                        return;
                    }
                    Publisher<ExecutionResult> states = result.getData();
                    states.subscribe(running);
                }

                @Override
                public void fail(Throwable failure) {
                    running.onError(failure);
                }
            }));
        }

        private void error(String operation, GraphQLErrorBody error) {
            send(new JsonObject().put("type", "error").put("id", operation)
                    .put("payload", new JsonObject(error.encode()).getJsonArray("errors")));
        }

        /**
         * Writes a message; a client with too many unwritten is closed, since its subscriptions outrun it. Completes once
         * written; never, once the socket is closed.
         */
        private Future<Void> send(JsonObject message) {
            if (closed) {
                return Promise.<Void> promise().future();
            }
            if (pending.incrementAndGet() > limits.maxPendingMessages()) {
                close(TOO_SLOW, "The client reads its messages too slowly");
                return Promise.<Void> promise().future();
            }
            return socket.writeTextMessage(message.encode()).onComplete(ignored -> pending.decrementAndGet());
        }

        private void close(short code, String reason) {
            if (!closed) {
                closed = true;
                socket.close(code, withinCloseFrame(reason));
            }
        }

        /** Once the socket has closed, by either side. */
        private void ended() {
            closed = true;
            context.owner().cancelTimer(initTimer);
            subscriptions.values().forEach(Running::cancel);
            subscriptions.clear();
            connections.decrementAndGet();
        }

        /** One subscription: takes one state at a time from its publisher and sends it. */
        private final class Running implements Subscriber<ExecutionResult> {

            private final String operation;
            private volatile Subscription subscription;
            private volatile boolean cancelled;

            Running(String operation) {
                this.operation = operation;
            }

            @Override
            public void onSubscribe(Subscription subscription) {
                this.subscription = subscription;
                if (cancelled) {
                    subscription.cancel();
                    return;
                }
                subscription.request(1);
            }

            /** Asks for the next state once this one is written: a subscription holds at most one unwritten message. */
            @Override
            public void onNext(ExecutionResult result) {
                if (cancelled) {
                    return;
                }
                send(new JsonObject().put("type", "next").put("id", operation)
                        .put("payload", new JsonObject(new ExecutionResponse(result).getExecutionResultAsString())))
                        .onSuccess(ignored -> subscription.request(1));
            }

            @Override
            public void onError(Throwable failure) {
                if (subscriptions.remove(operation, this)) {
                    // As a failed resolver's error reads, by the error contract.
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    send(new JsonObject().put("type", "error").put("id", operation).put("payload", new JsonArray()
                            .add(new JsonObject(ErrorContract.follow(new ExceptionWhileDataFetching(
                                    ResultPath.rootPath(), cause, null)).toSpecification()))));
                }
            }

            @Override
            public void onComplete() {
                if (subscriptions.remove(operation, this)) {
                    send(new JsonObject().put("type", "complete").put("id", operation));
                }
            }

            void cancel() {
                cancelled = true;
                Subscription current = subscription;
                if (current != null) {
                    current.cancel();
                }
            }
        }
    }

    /** A close reason holds at most 123 bytes of UTF-8. */
    static String withinCloseFrame(String reason) {
        String cut = reason;
        while (cut.getBytes(StandardCharsets.UTF_8).length > 123) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }
}
