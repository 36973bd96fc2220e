package io.asyncstorefront.it;

import static io.asyncstorefront.support.Documents.ADD;
import static io.asyncstorefront.support.Documents.CART;
import static io.asyncstorefront.support.Documents.CREATE_CART;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.asyncstorefront.embedded.EmbeddedServices;

/**
 * The packaged service against a broker with Artemis's stock settings (addresses multicast unless a client says
 * otherwise), whoever reaches it first: commands always land in a queue that the processor can read.
 */
class CommandRoutingIT {

    private static final int POSTGRES_PORT = 17432;
    private static final int AMQP_PORT = 17683;
    private static final int HTTP_PORT = 18082;
    private static final Path WORK = Path.of("target", "command-routing-it");
    private static final SimpleString COMMANDS = SimpleString.of("commands");

    private static final String SKU = "routed-1";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresDatabase database;
    private int run;

    /** Each test its own database and an empty broker, so that no test counts what another left. */
    @BeforeEach
    void startAFreshDatabaseAndBroker() throws Exception {
        EmbeddedServices.postgres(POSTGRES_PORT, WORK.resolve("postgres"));
        database = PostgresDatabase.recreate(POSTGRES_PORT, "routing_" + DATABASES.incrementAndGet());
        EmbeddedServices.restartArtemisEmpty(AMQP_PORT, WORK.resolve("artemis"));
    }

    @Test
    void commandsPublishedBeforeAnyProcessorAttachedAreAppliedOnceWhenOneDoes() throws Exception {
        List<String> carts = List.of("routed-a-" + System.nanoTime(), "routed-b-" + System.nanoTime());
        List<String> operations = new ArrayList<>();
        // The relay publishes every command again each second: the queue holds copies when the processor arrives.
        try (ServiceProcess api = start("api", Map.of("OPERATIONS_ROLE", "api"))) {
            insertProduct();
            for (String cart : carts) {
                operations.add(api.accept(CREATE_CART, Map.of("cartMask", cart)));
                for (int i = 0; i < 3; i++) {
                    operations.add(api.accept(ADD, Map.of("cartMask", cart, "sku", SKU)));
                }
            }
            // Every command published at least twice: the broker holds more messages than operations.
            Progress.awaitAtLeast(operations.size(), () -> database
                    .count("select count(*) from operation where republished > 0 and status = 'ACCEPTED'"));
            assertThat(api.readiness().body()).contains("\"processor\": \"off\"");
            assertThat(api.stateTypes(operations)).containsOnly("OperationAccepted");
        }
        ActiveMQServer broker = EmbeddedServices.artemisServer(AMQP_PORT);
        assertThat(broker.getAddressInfo(COMMANDS).getRoutingTypes()).contains(RoutingType.ANYCAST);
        assertThat(broker.locateQueue(COMMANDS).getMessageCount()).isGreaterThan(operations.size());

        try (ServiceProcess processor = start("processor", Map.of("OPERATIONS_ROLE", "processor"))) {
            processor.awaitFinal(operations);

            assertThat(processor.stateTypes(operations)).containsOnly("PersistOperationCompleted",
                    "CartSaveOperationCompleted");
            for (String cart : carts) {
                assertThat(processor.graphQL(CART, Map.of("cartMask", cart)).getList("data.carts[0].items"))
                        .isEqualTo(List.of(Map.of("sku", SKU, "qty", 3)));
            }
            assertThat(processor.graphQL(CREATE_CART, Map.of("cartMask", "refused-" + System.nanoTime()))
                    .getString("errors[0].message"))
                    .isEqualTo("This instance only processes commands (operations.role=processor); "
                            + "send mutations to an API instance");
        }
    }

    @Test
    void operationsCompleteAfterTheBrokerComesBackWithoutItsData() throws Exception {
        String cart = "routed-c-" + System.nanoTime();
        try (ServiceProcess service = start("all", Map.of("OPERATIONS_PROCESSING_PUBLISH_TIMEOUT", "1s"))) {
            insertProduct();
            List<String> operations = new ArrayList<>(List.of(service.accept(CREATE_CART, Map.of("cartMask", cart))));
            service.awaitFinal(operations);

            EmbeddedServices.stopArtemis(AMQP_PORT);
            service.awaitReadiness(503);
            operations.add(service.accept(ADD, Map.of("cartMask", cart, "sku", SKU)));
            operations.add(service.accept(ADD, Map.of("cartMask", cart, "sku", SKU)));
            EmbeddedServices.restartArtemisEmpty(AMQP_PORT, WORK.resolve("artemis"));
            service.awaitReadiness(200);
            operations.add(service.accept(ADD, Map.of("cartMask", cart, "sku", SKU)));

            service.awaitFinal(operations);
            assertThat(service.stateTypes(operations)).containsOnly("PersistOperationCompleted", "CartSaveOperationCompleted");
            assertThat(service.graphQL(CART, Map.of("cartMask", cart)).getList("data.carts[0].items"))
                    .isEqualTo(List.of(Map.of("sku", SKU, "qty", 3)));
        }
    }

    @Test
    void readinessIsDownWhileTheProcessorCannotAttachToItsQueueAndUpOnceItCan() throws Exception {
        // A broker provisioned by others: "commands" exists as a topic, and clients may not create addresses or queues.
        ActiveMQServer broker = EmbeddedServices.artemisServer(AMQP_PORT);
        broker.getAddressSettingsRepository().addMatch(COMMANDS.toString(), new AddressSettings()
                .setAutoCreateAddresses(false).setAutoCreateQueues(false));
        broker.addAddressInfo(new AddressInfo(COMMANDS, RoutingType.MULTICAST));
        String cart = "routed-d-" + System.nanoTime();

        try (ServiceProcess service = launch("misrouted", Map.of())) {
            service.awaitReadiness(503);
            assertThat(service.readiness().body())
                    .contains("\"name\": \"Command queue\"")
                    .contains("The processor cannot attach to its queue");

            // The operator makes "commands" a queue, as the README describes.
            broker.updateAddressInfo(COMMANDS, EnumSet.of(RoutingType.ANYCAST, RoutingType.MULTICAST));
            broker.createQueue(QueueConfiguration.of(COMMANDS).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            service.awaitReadiness(200);

            insertProduct();
            String created = service.accept(CREATE_CART, Map.of("cartMask", cart));
            service.awaitFinal(List.of(created));
            assertThat(service.stateTypes(List.of(created))).containsExactly("PersistOperationCompleted");
        }
    }

    private ServiceProcess start(String name, Map<String, String> extra) throws Exception {
        return ServiceProcess.start(HTTP_PORT, environment(extra), log(name));
    }

    private ServiceProcess launch(String name, Map<String, String> extra) throws Exception {
        return ServiceProcess.launch(HTTP_PORT, environment(extra), log(name));
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "OPERATIONS_RELAY_GRACE", "1s",
                "OPERATIONS_RELAY_QUEUED_GRACE", "1s",
                "OPERATIONS_RELAY_INTERVAL", "1s"));
        environment.putAll(extra);
        return ProductionEnvironment.of(database, AMQP_PORT, environment);
    }

    private Path log(String name) {
        return WORK.resolve("service-" + name + "-" + (++run) + ".log");
    }

    private void insertProduct() throws Exception {
        database.execute("""
                insert into product (sku, name, price) values ('routed-1', 'Routed product', 1.00)
                on conflict (sku) do nothing
                """);
    }
}
