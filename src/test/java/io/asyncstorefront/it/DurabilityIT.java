package io.asyncstorefront.it;

import static io.asyncstorefront.support.Documents.ADD;
import static io.asyncstorefront.support.Documents.ADD_ONCE;
import static io.asyncstorefront.support.Documents.CART;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.embedded.EmbeddedServices;
import io.restassured.path.json.JsonPath;

/**
 * The packaged service in production mode, configured only by environment variables, against a real PostgreSQL and a
 * real Artemis: operations accepted before a crash are applied once after the restart.
 */
class DurabilityIT {

    private static final int POSTGRES_PORT = 17432;
    private static final int AMQP_PORT = 17673;
    private static final int HTTP_PORT = 18081;
    private static final Path WORK = Path.of("target", "durability-it");

    private static final String SKU = "durable-1";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresDatabase database;

    /** Each test its own database and an empty broker, so that no test counts what another left. */
    @BeforeEach
    void startServices() throws Exception {
        EmbeddedServices.postgres(POSTGRES_PORT, WORK.resolve("postgres"));
        EmbeddedServices.restartArtemisEmpty(AMQP_PORT, WORK.resolve("artemis"));
        database = PostgresDatabase.recreate(POSTGRES_PORT, "durability_" + DATABASES.incrementAndGet());
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
        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, ProductionEnvironment.of(database, AMQP_PORT, Map.of(
                "MP_MESSAGING_INCOMING_COMMANDS_IN_ENABLED", "false",
                "OPERATIONS_RELAY_GRACE", "1s",
                "OPERATIONS_RELAY_QUEUED_GRACE", "1s",
                "OPERATIONS_RELAY_INTERVAL", "1s")), WORK.resolve("service-1.log"))) {
            insertProduct();
            for (String cart : carts) {
                operations.add(service.accept(CREATE_CART, Map.of("cartMask", cart)));
                for (int i = 0; i < 3; i++) {
                    operations.add(service.accept(ADD, Map.of("cartMask", cart, "sku", SKU)));
                }
            }
            Progress.awaitAtLeast(operations.size(), () -> database
                    .count("select count(*) from operation where republished > 0 and status = 'ACCEPTED'"));
            service.kill();
        }
        assertThat(database.count("select count(*) from operation where status = 'ACCEPTED'")).isEqualTo(operations.size());

        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, ProductionEnvironment.of(database, AMQP_PORT, Map.of()),
                WORK.resolve("service-2.log"))) {
            service.awaitFinal(operations);

            assertThat(service.stateTypes(operations)).containsOnly("PersistOperationCompleted", "CartSaveOperationCompleted");
            for (String cart : carts) {
                assertThat(service.graphQL(CART, Map.of("cartMask", cart)).getList("data.carts[0].items"))
                        .isEqualTo(List.of(Map.of("sku", SKU, "qty", 3)));
            }
        }
    }

    @Test
    void batchesInFlightWhenTheServiceIsKilledAreAppliedOnceAfterTheRestart() throws Exception {
        List<String> carts = IntStream.range(0, 20).mapToObj(i -> "loaded-" + i).toList();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        // A command whose group committed just before the kill may never have been published: the relay publishes it
        // after the queued grace, which is short here.
        Map<String, String> relay = Map.of("OPERATIONS_RELAY_QUEUED_GRACE", "1s", "OPERATIONS_RELAY_INTERVAL", "1s");
        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, ProductionEnvironment.of(database, AMQP_PORT, relay),
                WORK.resolve("service-3.log"))) {
            insertProduct();
            for (String cart : carts) {
                service.awaitFinal(List.of(service.accept(CREATE_CART, Map.of("cartMask", cart))));
            }
            for (int i = 0; i < 16; i++) {
                clients.submit(() -> {
                    Random random = new Random();
                    while (running.get()) {
                        try {
                            accepted.add(service.accept(ADD,
                                    Map.of("cartMask", carts.get(random.nextInt(carts.size())), "sku", SKU)));
                        } catch (RuntimeException | AssertionError e) {
                            // The request that the kill interrupts: its outcome is not known to the client.
                        }
                    }
                });
            }
            // However slowly a cold service on a slow machine gets there.
            Progress.awaitAtLeast(200, () -> database.count(
                    "select count(*) from operation where command_type = 'addProductsToCarts' and status = 'COMPLETED'"));
            service.kill();
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(120, TimeUnit.SECONDS);
        }

        try (ServiceProcess service = ServiceProcess.start(HTTP_PORT, ProductionEnvironment.of(database, AMQP_PORT, relay),
                WORK.resolve("service-4.log"))) {
            List<String> acknowledged = List.copyOf(accepted);
            service.awaitFinal(acknowledged);
            Progress.awaitNone(() -> database
                    .count("select count(*) from operation where status in ('ACCEPTED', 'IN_PROGRESS')"));

            assertThat(service.stateTypes(acknowledged)).containsOnly("CartSaveOperationCompleted");
            for (String cart : carts) {
                // Each completed addition added exactly one unit: none was lost, none applied twice.
                assertThat(database.count("""
                        select coalesce(sum(ci.qty), 0) from cart_item ci join cart c on c.id = ci.cart_id
                        where c.mask = '%s'""".formatted(cart)))
                        .isEqualTo(database.count("""
                                select count(*) from operation o join operation_aggregate a on a.operation_id = o.id
                                where a.aggregate_key = 'Cart:%s' and o.command_type = 'addProductsToCarts'
                                and o.status = 'COMPLETED'""".formatted(cart)));
            }
        }
    }

    @Test
    void requestsRetriedUnderTheirKeysOnAnotherReplicaAreAppliedOnce() throws Exception {
        List<String> carts = IntStream.range(0, 20).mapToObj(i -> "retried-" + i).toList();
        Map<Map<String, String>, String> answered = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        Map<String, String> relay = Map.of("OPERATIONS_RELAY_QUEUED_GRACE", "1s", "OPERATIONS_RELAY_INTERVAL", "1s");
        try (ServiceProcess killed = ServiceProcess.start(HTTP_PORT, ProductionEnvironment.of(database, AMQP_PORT, relay),
                WORK.resolve("replica-1.log"));
                ServiceProcess survivor = ServiceProcess.start(HTTP_PORT + 1,
                        ProductionEnvironment.of(database, AMQP_PORT, relay), WORK.resolve("replica-2.log"))) {
            insertProduct();
            for (String cart : carts) {
                killed.awaitFinal(List.of(killed.accept(CREATE_CART, Map.of("cartMask", cart))));
            }
            for (int i = 0; i < 16; i++) {
                clients.submit(() -> {
                    Random random = new Random();
                    while (running.get()) {
                        String key = UUID.randomUUID().toString();
                        Map<String, String> request = Map.of("cartMask", carts.get(random.nextInt(carts.size())),
                                "sku", SKU, "key", key);
                        try {
                            answered.put(request, identifierOf(killed.graphQL(ADD_ONCE, request)));
                        } catch (Exception | AssertionError e) {
                            // The answer is lost (REST Assured throws the connection's IOException unchecked): the
                            // client sends the same request, key included, to the other replica, whether or not the
                            // first recorded it.
                            retried.incrementAndGet();
                            answered.put(request, identifierOf(survivor.graphQL(ADD_ONCE, request)));
                        }
                    }
                });
            }
            Progress.awaitAtLeast(200, () -> database.count(
                    "select count(*) from operation where command_type = 'addProductsToCarts' and status = 'COMPLETED'"));
            killed.kill();
            Progress.awaitAtLeast(32, () -> (long) retried.get());
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            List<String> operations = List.copyOf(answered.values());
            survivor.awaitFinal(operations);
            Progress.awaitNone(() -> database
                    .count("select count(*) from operation where status in ('ACCEPTED', 'IN_PROGRESS')"));

            // One operation per key, whichever replica answered, and the same one when it is asked again.
            assertThat(Set.copyOf(operations)).hasSameSizeAs(operations);
            for (Map.Entry<Map<String, String>, String> sent : answered.entrySet()) {
                assertThat(identifierOf(survivor.graphQL(ADD_ONCE, sent.getKey()))).isEqualTo(sent.getValue());
            }
            assertThat(survivor.stateTypes(operations)).containsOnly("CartSaveOperationCompleted");
            assertThat(database.count("""
                    select coalesce(sum(ci.qty), 0) from cart_item ci join cart c on c.id = ci.cart_id
                    where c.mask like 'retried-%'""")).isEqualTo(operations.size());
        } finally {
            running.set(false);
            clients.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static String identifierOf(JsonPath answer) {
        Map<String, Object> data = answer.getMap("data");
        assertThat(data).as(answer.prettify()).isNotNull();
        return (String) ((Map<String, Object>) data.values().iterator().next()).get("identifier");
    }

    private void insertProduct() throws Exception {
        database.execute("insert into product (sku, name, price) values ('" + SKU + "', 'Durable product', 1.00) "
                + "on conflict do nothing");
    }
}
