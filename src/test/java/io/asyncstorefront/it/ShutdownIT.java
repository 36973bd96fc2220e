package io.asyncstorefront.it;

import static io.asyncstorefront.support.Documents.ADD;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.embedded.EmbeddedServices;
import io.asyncstorefront.support.KubernetesManifests;
import io.restassured.response.Response;

/**
 * SIGTERM to the packaged service under load, configured as deploy/kubernetes configures it: readiness goes DOWN while
 * requests are still answered, the process exits within the pod's grace period, no request gets an error other than
 * being refused after the signal or cut while in flight, and every acknowledged operation is final after a restart.
 */
class ShutdownIT {

    private static final int POSTGRES_PORT = 17434;
    private static final int AMQP_PORT = 17675;
    private static final int HTTP_PORT = 18091;
    private static final Path WORK = Path.of("target", "shutdown-it");
    private static final String SKU = "shutdown-1";
    private static final int CLIENTS = 16;

    @Test
    void aTerminatedServiceFinishesWhatItAcknowledged() throws Exception {
        EmbeddedServices.postgres(POSTGRES_PORT, WORK.resolve("postgres"));
        EmbeddedServices.restartArtemisEmpty(AMQP_PORT, WORK.resolve("artemis"));
        PostgresDatabase database = PostgresDatabase.recreate(POSTGRES_PORT, "shutdown");
        List<String> carts = IntStream.range(0, 20).mapToObj(i -> "stopping-" + i).toList();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<String> cut = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answeredWhileNotReady = new AtomicInteger();
        AtomicBoolean terminated = new AtomicBoolean();
        AtomicBoolean notReady = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Map<String, String> environment = ProductionEnvironment.of(database, AMQP_PORT,
                Map.of("QUARKUS_SHUTDOWN_DELAY", KubernetesManifests.configured("QUARKUS_SHUTDOWN_DELAY"),
                        "OPERATIONS_RELAY_QUEUED_GRACE", "1s", "OPERATIONS_RELAY_INTERVAL", "1s"));
        Path log = WORK.resolve("service-1.log");
        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, environment, log)) {
            database.execute("insert into product (sku, name, price) values ('" + SKU + "', 'Product', 1.00)");
            for (String cart : carts) {
                service.awaitFinal(List.of(service.accept(CREATE_CART, Map.of("cartMask", cart))));
            }
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    Random random = new Random();
                    while (running.get()) {
                        Map<String, String> variables = Map.of("cartMask", carts.get(random.nextInt(carts.size())),
                                "sku", SKU);
                        try {
                            Response response = service.post(ADD, variables);
                            String identifier = response.statusCode() == 200
                                    ? response.jsonPath().getString("data.addProductsToCarts.identifier")
                                    : null;
                            if (identifier != null && response.jsonPath().get("errors") == null) {
                                acknowledged.add(identifier);
                                if (notReady.get()) {
                                    answeredWhileNotReady.incrementAndGet();
                                }
                            } else if (response.statusCode() == 503 && terminated.get()) {
                                refused.incrementAndGet();
                            } else {
                                wrong.add(response.statusCode() + " " + response.asString());
                            }
                        } catch (Exception e) {
                            if (!terminated.get()) {
                                wrong.add(e.toString());
                            } else if (!(rootCause(e) instanceof ConnectException)) {
                                cut.add(rootCause(e).toString());
                            }
                        }
                    }
                });
            }
            // However slowly a cold service on a slow machine gets there.
            Progress.awaitAtLeast(200, () -> database.count(
                    "select count(*) from operation where command_type = 'addProductsToCarts' and status = 'COMPLETED'"));

            terminated.set(true);
            long signalled = System.nanoTime();
            service.terminate();
            while (!notReady.get() && !service.awaitExit(Duration.ofMillis(100))) {
                notReady.set(service.readiness().statusCode() == 503);
            }
            assertThat(notReady).as("readiness went DOWN before the service stopped answering").isTrue();
            assertThat(service.awaitExit(Duration.ofSeconds(KubernetesManifests.apiGracePeriodSeconds())))
                    .as("the service exited within the pod's grace period").isTrue();
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            assertThat(wrong).as("answers other than an operation state, a refusal after the signal or a cut").isEmpty();
            assertThat(answeredWhileNotReady.get()).as("mutations answered while readiness was DOWN").isPositive();
            // A request sent on a kept-alive connection that the service closes gets no answer: one per client when
            // the server stops, one more if a 503 closed the connection it was about to reuse.
            assertThat(cut).as("requests cut in flight").hasSizeLessThanOrEqualTo(2 * CLIENTS)
                    .allMatch(failure -> failure.startsWith("org.apache.http.NoHttpResponseException")
                            || failure.startsWith("java.net.SocketException"));
            assertThat(Files.readString(log)).contains("The processor stopped taking commands; its running batches committed");
            System.out.printf("SIGTERM: %d acknowledged, %d answered while not ready, %d refused, %d cut; exited after %d ms%n",
                    acknowledged.size(), answeredWhileNotReady.get(), refused.get(), cut.size(), stopping.toMillis());
            System.out.println("Cut: " + cut);
        } finally {
            running.set(false);
            clients.shutdownNow();
        }

        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, ProductionEnvironment.of(database, AMQP_PORT,
                Map.of("OPERATIONS_RELAY_QUEUED_GRACE", "1s", "OPERATIONS_RELAY_INTERVAL", "1s")),
                WORK.resolve("service-2.log"))) {
            List<String> operations = List.copyOf(acknowledged);
            service.awaitFinal(operations);
            assertThat(service.stateTypes(operations)).containsOnly("CartSaveOperationCompleted");
            // Each acknowledged addition added exactly one unit: none lost, none applied twice.
            assertThat(database.count("""
                    select coalesce(sum(ci.qty), 0) from cart_item ci join cart c on c.id = ci.cart_id
                    where c.mask like 'stopping-%'""")).isEqualTo(database.count("""
                    select count(*) from operation where command_type = 'addProductsToCarts' and status = 'COMPLETED'"""));
            assertThat(database.count("select count(*) from operation where command_type = 'addProductsToCarts'"))
                    .isGreaterThanOrEqualTo(operations.size());
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
