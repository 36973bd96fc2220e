package io.asyncstorefront.operation.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandEnvelope;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.mutiny.amqp.AmqpMessage;
import io.vertx.mutiny.amqp.AmqpSender;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Publishes accepted commands to the broker over a link of its own that states the routing it needs: the target
 * "commands" with the capability "queue", so that whichever side reaches the broker first creates a queue, never a
 * topic. A publish counts only once the broker has accepted the message; one that fails, is refused or times out is
 * logged and left to the relay, since the command is already in the ledger. A refused link is attached again on the
 * next publish, so that an operator's fix on the broker takes effect without a restart.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);

    private final BrokerConnection broker;
    private final ObjectMapper mapper;
    private final OperationsConfig config;
    private final String address;
    private final List<String> capabilities;
    private Uni<AmqpSender> sender;

    public CommandPublisher(BrokerConnection broker, ObjectMapper mapper, OperationsConfig config,
            @ConfigProperty(name = Channels.COMMANDS_ADDRESS_PROPERTY) String address,
            @ConfigProperty(name = Channels.COMMANDS_CAPABILITIES_PROPERTY) List<String> capabilities) {
        this.broker = broker;
        this.mapper = mapper;
        this.config = config;
        this.address = address;
        this.capabilities = capabilities;
    }

    /**
     * Completes with true once the broker has accepted the command, with false when it refused it, did not answer in
     * time or could not be reached; never fails.
     */
    public Uni<Boolean> publish(CommandEnvelope envelope) {
        return Uni.createFrom().deferred(() -> {
            AmqpMessage message = message(envelope);
            return link(true).chain(open -> open.sendWithAck(message));
        })
                .ifNoItem().after(config.processing().publishTimeout()).fail()
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Operation %s was not published now (%s); the relay publishes it later",
                            envelope.operationId(), failure.toString());
                    return false;
                });
    }

    private AmqpMessage message(CommandEnvelope envelope) {
        try {
            return AmqpMessage.create()
                    .id(envelope.operationId())
                    .groupId(String.join(" ", envelope.aggregateKeys()))
                    .subject(envelope.type())
                    .contentType("application/json")
                    .durable(true)
                    .withBufferAsBody(Buffer.buffer(mapper.writeValueAsBytes(envelope)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A command envelope that cannot be written as JSON", e);
        }
    }

    /** The sender link, attached on first use and again once it was closed, lost or refused. */
    private Uni<AmqpSender> link(boolean retry) {
        Uni<AmqpSender> current = attached();
        return current.onFailure().invoke(failure -> drop(current)).chain(open -> {
            if (open.connection().isDisconnected() || !open.getDelegate().unwrap().isOpen()) {
                drop(current);
                return retry ? link(false) : Uni.createFrom().failure(new IllegalStateException("The link was closed"));
            }
            return Uni.createFrom().item(open);
        });
    }

    private synchronized Uni<AmqpSender> attached() {
        if (sender == null) {
            sender = broker.get()
                    .chain(connection -> connection.createSender(address, new AmqpSenderOptions()
                            .setLinkName(Channels.COMMANDS_OUT)
                            .setCapabilities(capabilities)))
                    .memoize().indefinitely();
        }
        return sender;
    }

    private synchronized void drop(Uni<AmqpSender> stale) {
        if (sender == stale) {
            sender = null;
        }
    }
}
