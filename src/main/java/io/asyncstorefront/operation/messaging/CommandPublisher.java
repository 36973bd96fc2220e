package io.asyncstorefront.operation.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandEnvelope;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;

/**
 * Publishes accepted commands to the broker. A publish that fails or times out is only logged: the command is already
 * in the ledger and the relay publishes it again.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);

    private final MutinyEmitter<JsonObject> emitter;
    private final ObjectMapper mapper;
    private final OperationsConfig config;

    public CommandPublisher(
            @Channel(Channels.COMMANDS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<JsonObject> emitter,
            ObjectMapper mapper,
            OperationsConfig config) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
    }

    /** Completes when the broker has the command, or when publishing failed; never fails. */
    @SuppressWarnings("unchecked")
    public Uni<Void> publish(CommandEnvelope envelope) {
        JsonObject body = new JsonObject(mapper.convertValue(envelope, Map.class));
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withMessageId(envelope.operationId())
                .withGroupId(String.join(" ", envelope.aggregateKeys()))
                .withSubject(envelope.type())
                .withContentType("application/json")
                .withDurable(true)
                .build();
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(body).addMetadata(metadata)))
                .ifNoItem().after(config.processing().publishTimeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Operation %s was not published now (%s); the relay publishes it later",
                            envelope.operationId(), failure.toString());
                    return null;
                });
    }
}
