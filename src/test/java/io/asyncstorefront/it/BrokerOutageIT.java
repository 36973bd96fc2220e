package io.asyncstorefront.it;

import static io.asyncstorefront.support.Documents.ADD;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.embedded.EmbeddedServices;
import io.vertx.core.json.JsonObject;

/**
 * The ledger is the outbox, so accepting does not need the broker: the packaged service under load keeps acknowledging
 * while the broker is killed and started again, and applies every operation it acknowledged once when it is back.
 */
class BrokerOutageIT {

    private static final int POSTGRES_PORT = 17432;
    private static final int AMQP_PORT = 17693;
    private static final int HTTP_PORT = 18083;
    private static final Path WORK = Path.of("target", "broker-outage-it");
    private static final String SKU = "outage-1";
    private static final int CLIENTS = 16;
    /** Acknowledgements per phase: enough for a p99, counted rather than timed so that a slow machine takes longer. */
    private static final int PHASE = 3000;
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    @Test
    void acknowledgementsKeepComingThroughABrokerKillAndRestartAndEveryOperationIsAppliedOnce() throws Exception {
        EmbeddedServices.postgres(POSTGRES_PORT, WORK.resolve("postgres"));
        PostgresDatabase database = PostgresDatabase.recreate(POSTGRES_PORT, "broker_outage");
        List<String> carts = IntStream.range(0, 20).mapToObj(i -> "outage-" + i).toList();
        try (BrokerProcess broker = BrokerProcess.start(AMQP_PORT, WORK.resolve("broker"));
                ServiceProcess service = ServiceProcess.start(HTTP_PORT,
                        ProductionEnvironment.of(database, AMQP_PORT, Map.of()), WORK.resolve("service.log"))) {
            database.execute("insert into product (sku, name, price) values ('" + SKU + "', 'Outage product', 1.00)");
            for (String cart : carts) {
                service.awaitFinal(List.of(service.accept(CREATE_CART, Map.of("cartMask", cart))));
            }
            Load load = new Load(service, carts);
            try {
                load.awaitAcknowledgements(PHASE); // warm-up
                long undisturbedFrom = System.nanoTime();
                load.awaitAcknowledgements(PHASE);
                long killedAt = System.nanoTime();
                broker.kill();
                Thread.sleep(OUTAGE.toMillis());
                broker.restart();
                long restartedAt = System.nanoTime();
                load.awaitAcknowledgements(PHASE);
                long endedAt = System.nanoTime();
                load.stop();

                Window undisturbed = load.window(undisturbedFrom, killedAt);
                Window outage = load.window(killedAt, killedAt + OUTAGE.toNanos());
                Window down = load.window(killedAt, restartedAt);
                Window disturbed = load.window(killedAt, endedAt);
                System.out.println(load.timeline(killedAt, endedAt));
                long before = load.acknowledgedBetween(killedAt - OUTAGE.toNanos(), killedAt);
                long during = load.acknowledgedBetween(killedAt, killedAt + OUTAGE.toNanos());
                System.out.printf("Undisturbed: %s%nBroker killed, down %d ms; acknowledged in the %d s before the kill "
                        + "%d, in the %d s after it %d%nIn those %d s: %s%nWhile down: %s%n"
                        + "Through the outage and the restart: %s%n",
                        undisturbed, (restartedAt - killedAt) / 1_000_000, OUTAGE.toSeconds(), before,
                        OUTAGE.toSeconds(), during, OUTAGE.toSeconds(), outage, down, disturbed);

                assertThat(load.failures()).as("requests answered with anything but OperationAccepted").isZero();
                assertThat(during).as("acknowledgements while the broker was down, against as long before")
                        .isGreaterThanOrEqualTo(before / 2);
                // While the broker is down; its restart then takes CPU from the service on a small machine.
                assertThat(down.p99Millis()).as("p99 while the broker was down against undisturbed " + undisturbed)
                        .isLessThanOrEqualTo(2 * undisturbed.p99Millis());
                // No pause: while the broker is gone and nothing else moves, no wait for the next acknowledgement
                // longer than twice what the undisturbed load showed, as its longest such wait or as a request's p99.
                double worst = Math.max(undisturbed.longestGapMillis(), undisturbed.p99Millis());
                assertThat(outage.longestGapMillis()).as("longest wait for an acknowledgement while the broker is gone")
                        .isLessThanOrEqualTo(2 * worst);
                // Through the broker's start-up, the reconnect and the backlog's drain, which share two cores with the
                // service here, twice that again: waiting on the broker would take as long as the broker was away.
                assertThat(disturbed.longestGapMillis()).as("longest wait for an acknowledgement through the outage")
                        .isLessThanOrEqualTo(4 * worst);
            } finally {
                load.stop();
            }

            List<String> acknowledged = load.operations();
            service.awaitFinal(acknowledged);
            assertThat(service.stateTypes(acknowledged)).containsOnly("CartSaveOperationCompleted");
            long units = database.count("select coalesce(sum(qty), 0) from cart_item");
            assertThat(units).as("units added, one per acknowledged addition").isEqualTo(acknowledged.size());
        }
    }

    /** Sixteen clients adding one unit to a random cart, each sending its next request once the last was answered. */
    private static final class Load {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        private final URI endpoint;
        private final List<String> carts;
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Request> answered = new ConcurrentLinkedQueue<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();

        Load(ServiceProcess service, List<String> carts) {
            this.endpoint = URI.create(service.baseUri() + "/graphql");
            this.carts = carts;
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(this::run);
            }
        }

        private void run() {
            Random random = new Random();
            while (running.get()) {
                String body = new JsonObject().put("query", ADD)
                        .put("variables", Map.of("cartMask", carts.get(random.nextInt(carts.size())), "sku", SKU))
                        .encode();
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    long received = System.nanoTime();
                    JsonObject state = new JsonObject(response.body()).getJsonObject("data", new JsonObject())
                            .getJsonObject("addProductsToCarts", new JsonObject());
                    if (!"OperationAccepted".equals(state.getString("__typename"))) {
                        failures.incrementAndGet();
                        System.out.println("Not accepted: " + response.body());
                        continue;
                    }
                    answered.add(new Request(sent, received, state.getString("identifier")));
                    acknowledged.incrementAndGet();
                } catch (Exception e) {
                    if (running.get()) {
                        failures.incrementAndGet();
                        System.out.println("Request failed: " + e);
                    }
                }
            }
        }

        /** Waits for that many more acknowledgements, for as long as they keep coming. */
        void awaitAcknowledgements(int count) throws Exception {
            Progress.awaitAtLeast(acknowledged.get() + count, () -> (long) acknowledged.get());
        }

        /** Acknowledgements that arrived within [from, to). */
        long acknowledgedBetween(long from, long to) {
            return answered.stream().filter(r -> r.answered() >= from && r.answered() < to).count();
        }

        int failures() {
            return failures.get();
        }

        List<String> operations() {
            return answered.stream().map(Request::operation).toList();
        }

        /** The requests answered within [from, to): one held up by the kill counts where its answer came. */
        Window window(long from, long to) {
            List<Request> within = answered.stream().filter(r -> r.answered() >= from && r.answered() < to)
                    .sorted(Comparator.comparingLong(Request::answered)).toList();
            List<Long> latencies = new ArrayList<>(within.stream().map(r -> r.answered() - r.sent()).sorted().toList());
            // From the window's start, so that a pause that begins with the kill counts whole.
            long gap = 0;
            long previous = from;
            for (Request request : within) {
                gap = Math.max(gap, request.answered() - previous);
                previous = request.answered();
            }
            long p50 = latencies.get(latencies.size() / 2);
            long p99 = latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.99) - 1));
            return new Window(within.size(), p50 / 1_000_000.0, p99 / 1_000_000.0, gap / 1_000_000.0);
        }

        /** Acknowledgements per 250 ms from a second before the kill, for the log. */
        String timeline(long killedAt, long to) {
            long from = killedAt - 1_000_000_000L;
            int[] slots = new int[(int) ((to - from) / 250_000_000L) + 1];
            answered.stream().filter(r -> r.answered() >= from && r.answered() < to)
                    .forEach(r -> slots[(int) ((r.answered() - from) / 250_000_000L)]++);
            StringBuilder line = new StringBuilder("Acknowledgements per 250 ms from 1 s before the kill:");
            for (int slot : slots) {
                line.append(' ').append(slot);
            }
            return line.toString();
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private record Request(long sent, long answered, String operation) {
    }

    private record Window(int requests, double p50Millis, double p99Millis, double longestGapMillis) {

        @Override
        public String toString() {
            return "%d requests, latency p50 %.1f ms, p99 %.1f ms, longest wait between acknowledgements %.1f ms"
                    .formatted(requests, p50Millis, p99Millis, longestGapMillis);
        }
    }
}
