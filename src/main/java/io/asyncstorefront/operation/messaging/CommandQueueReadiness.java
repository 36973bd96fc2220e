package io.asyncstorefront.operation.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.amqp.AmqpReceiverOptions;

/**
 * Ready only while the processor can attach to its queue. The messaging extension's own check sees the connection,
 * not the link, so a broker that refuses the link (an address that is a topic, a missing permission) would go
 * unnoticed. The probe attaches a receiver with the processor's address and capabilities and detaches it at once; it
 * never grants credit, so it takes no message.
 */
@Readiness
@ApplicationScoped
public class CommandQueueReadiness implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final BrokerConnection broker;
    private final boolean processing;
    private final String address;
    private final List<String> capabilities;

    public CommandQueueReadiness(BrokerConnection broker,
            @ConfigProperty(name = Channels.COMMANDS_IN_ENABLED_PROPERTY) boolean processing,
            @ConfigProperty(name = Channels.COMMANDS_ADDRESS_PROPERTY) String address,
            @ConfigProperty(name = Channels.COMMANDS_CAPABILITIES_PROPERTY) List<String> capabilities) {
        this.broker = broker;
        this.processing = processing;
        this.address = address;
        this.capabilities = capabilities;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Command queue").withData("queue", address);
        if (!processing) {
            return Uni.createFrom().item(response.up().withData("processor", "off").build());
        }
        return broker.get()
                .chain(connection -> connection.createReceiver(address, new AmqpReceiverOptions()
                        .setLinkName(Channels.COMMANDS_IN + "-readiness")
                        .setCapabilities(capabilities)))
                .chain(receiver -> receiver.close())
                .ifNoItem().after(TIMEOUT).fail()
                .map(detached -> response.up().build())
                .onFailure().recoverWithItem(failure -> response.down().withData("reason",
                        "The processor cannot attach to its queue: "
                                + (failure.getMessage() == null ? failure.toString() : failure.getMessage()))
                        .build());
    }
}
