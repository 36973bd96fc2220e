import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's "mutate, then learn the outcome" clients: each creates an empty cart, learns its operation's final
 * state one of three ways, then starts over. Prints one RESULT line: outcomes known per second, and the time from
 * sending the mutation to knowing its outcome.
 *
 *   java src/bench/java/FollowClients.java URL poll|subscribe|wait CLIENTS SECONDS
 *
 * poll: queue every 100 ms until final (as poll-queue.lua); subscribe: operationStates over one WebSocket per client
 * (graphql-transport-ws); wait: the mutation's request says Prefer: wait=10.
 */
public class FollowClients {

    private static final Pattern STATE = Pattern.compile("\"identifier\":\"([0-9a-f]{40})\",\"__typename\":\"(\\w+)\"");
    private static final String CREATE = "{\"query\":\"mutation($m: String!) { createEmptyCart(cartMask: $m) "
            + "{ identifier __typename } }\",\"variables\":{\"m\":\"%s\"}}";
    private static final String QUEUE = "{\"query\":\"query($ids: [String!]!) { queue(operationIdentifiers: $ids) "
            + "{ identifier __typename } }\",\"variables\":{\"ids\":[\"%s\"]}}";
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"id\":\"%s\",\"payload\":{\"query\":"
            + "\"subscription($ids: [String!]!) { operationStates(operationIdentifiers: $ids) { identifier __typename } }\","
            + "\"variables\":{\"ids\":[\"%s\"]}}}";

    private final URI graphql;
    private final String way;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final List<Long> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String prefix = "follow-" + System.nanoTime();

    FollowClients(URI graphql, String way) {
        this.graphql = graphql;
        this.way = way;
    }

    public static void main(String[] args) throws Exception {
        FollowClients bench = new FollowClients(URI.create(args[0] + "/graphql"), args[1]);
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            pool.submit(() -> bench.run(client));
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        bench.running.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> known;
        synchronized (bench.outcomes) {
            known = new ArrayList<>(bench.outcomes);
        }
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        Collections.sort(known);
        System.out.printf("RESULT requests=%d seconds=%.3f p50_ms=%s p99_ms=%s errors=%d%n", known.size(), elapsed,
                percentile(known, 0.50), percentile(known, 0.99), bench.errors.get());
        System.exit(0);
    }

    private static String percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format("%.1f", sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1)) / 1e6);
    }

    private void run(int client) {
        Socket socket = null;
        long n = 0;
        while (running.get()) {
            try {
                if (way.equals("subscribe") && socket == null) {
                    socket = new Socket();
                }
                long sent = System.nanoTime();
                String[] state = post(String.format(CREATE, prefix + "-" + client + "-" + n++),
                        way.equals("wait") ? "wait=10" : null);
                if (state == null) {
                    continue;
                }
                if (!isFinal(state[1])) {
                    if (way.equals("subscribe")) {
                        socket.awaitFinal(state[0]);
                    } else {
                        while (running.get() && !isFinal(state[1])) {
                            Thread.sleep(100);
                            state = post(String.format(QUEUE, state[0]), null);
                            if (state == null) {
                                break;
                            }
                        }
                        if (state == null || !isFinal(state[1])) {
                            continue;
                        }
                    }
                }
                if (running.get()) {
                    outcomes.add(System.nanoTime() - sent);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (running.get()) {
                    errors.incrementAndGet();
                    socket = null;
                }
            }
        }
    }

    private static boolean isFinal(String typename) {
        return !typename.equals("OperationAccepted") && !typename.equals("OperationInProgress");
    }

    /** Posts a request and answers the identifier and type name of the state it answers, or null on an error. */
    private String[] post(String body, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Matcher state = STATE.matcher(response.body());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"") || !state.find()) {
            errors.incrementAndGet();
            return null;
        }
        return new String[] { state.group(1), state.group(2) };
    }

    /** One client's WebSocket, initialised once, one subscription at a time. */
    private final class Socket implements WebSocket.Listener {

        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicReference<CompletableFuture<String>> message = new AtomicReference<>(new CompletableFuture<>());
        private int subscriptions;

        Socket() throws Exception {
            socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")), this)
                    .get(30, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"connection_init\"}", true).join();
            if (!next().contains("connection_ack")) {
                throw new IllegalStateException("not acknowledged");
            }
        }

        void awaitFinal(String operation) throws Exception {
            String id = String.valueOf(++subscriptions);
            socket.sendText(String.format(SUBSCRIBE, id, operation), true).join();
            while (true) {
                String received = next();
                if (received.contains("\"complete\"")) {
                    return;
                }
                if (received.contains("\"error\"") || received.contains("\"errors\"")) {
                    throw new IllegalStateException(received);
                }
            }
        }

        private String next() throws Exception {
            String received = message.get().get(30, TimeUnit.SECONDS);
            message.set(new CompletableFuture<>());
            socket.request(1);
            return received;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                message.get().complete(partial.toString());
                partial.setLength(0);
            } else {
                webSocket.request(1);
            }
            return null;
        }
    }
}
