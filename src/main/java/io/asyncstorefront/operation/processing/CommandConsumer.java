package io.asyncstorefront.operation.processing;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandEnvelope;
import io.asyncstorefront.operation.messaging.Channels;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Receives accepted commands from the broker; a message is settled after the transaction that applied it. */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final OperationProcessor processor;
    private final ObjectMapper mapper;

    public CommandConsumer(OperationProcessor processor, ObjectMapper mapper) {
        this.processor = processor;
        this.mapper = mapper;
    }

    @Incoming(Channels.COMMANDS_IN)
    public Uni<Void> consume(JsonObject message) {
        CommandEnvelope envelope;
        try {
            envelope = mapper.convertValue(message.getMap(), CommandEnvelope.class);
        } catch (IllegalArgumentException e) {
            // Nothing can apply it; the ledger, not the message, is the record of the operation.
            LOG.errorf("Dropping an unreadable command message: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return processor.process(envelope.operationId());
    }
}
