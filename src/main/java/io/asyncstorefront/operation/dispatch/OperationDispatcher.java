package io.asyncstorefront.operation.dispatch;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.command.BatchCommand;
import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.OperationLedger;
import io.asyncstorefront.operation.messaging.CommandPublisher;
import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * The single entry of every mutation: records the command in the ledger, then either hands it to the broker (async) or
 * applies it at once (sync). Both answer with an operation state, so clients work the same in either mode.
 */
@ApplicationScoped
public class OperationDispatcher {

    private final CommandRegistry registry;
    private final OperationLedger ledger;
    private final CommandPublisher publisher;
    private final OperationProcessor processor;
    private final OperationsConfig config;
    private final ObjectMapper mapper;

    public OperationDispatcher(CommandRegistry registry, OperationLedger ledger, CommandPublisher publisher,
            OperationProcessor processor, OperationsConfig config, ObjectMapper mapper) {
        this.registry = registry;
        this.ledger = ledger;
        this.publisher = publisher;
        this.processor = processor;
        this.config = config;
        this.mapper = mapper;
    }

    /** Records the command and answers its operation state; a batch beyond its limits records nothing. */
    public <C extends Command> Uni<OperationStateInterface> submit(C command) {
        if (!config.role().accepts()) {
            return Uni.createFrom().failure(new RoleException(
                    "This instance only processes commands (operations.role=processor); send mutations to an API instance"));
        }
        CommandHandler<C> handler = registry.handlerOf(command);
        if (command instanceof BatchCommand<?> batch) {
            int max = config.maxInputsOf(handler.type());
            if (batch.input().isEmpty()) {
                return Uni.createFrom().failure(new InvalidInputException("input must have at least one entry"));
            }
            if (batch.input().size() > max) {
                return Uni.createFrom().failure(new InvalidInputException("input has " + batch.input().size()
                        + " entries; " + handler.type() + " takes at most " + max));
            }
        }
        OperationsConfig.Mode mode = config.modeOf(handler.type());
        return ledger.accept(handler.type(), command.aggregateKeys(), mapper.valueToTree(command))
                .chain(envelope -> switch (mode) {
                    case ASYNC -> publisher.publish(envelope)
                            .replaceWith(new OperationAccepted(envelope.operationId()));
                    case SYNC -> processor.process(envelope.operationId())
                            .chain(() -> ledger.state(envelope.operationId()));
                });
    }
}
