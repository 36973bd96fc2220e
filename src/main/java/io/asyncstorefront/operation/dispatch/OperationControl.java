package io.asyncstorefront.operation.dispatch;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.Cancellations;
import io.asyncstorefront.operation.ledger.DeadLetterRetries;
import io.asyncstorefront.operation.ledger.OperationStates;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/** What a client may do to operations it sent: run failed ones again, cancel those not applied yet. */
@ApplicationScoped
public class OperationControl {

    private final DeadLetterRetries retries;
    private final Cancellations cancellations;
    private final OperationStates states;
    private final AcceptGroups groups;
    private final CommandRegistry registry;
    private final ObjectMapper mapper;
    private final OperationsConfig config;

    public OperationControl(DeadLetterRetries retries, Cancellations cancellations, OperationStates states,
            AcceptGroups groups, CommandRegistry registry, ObjectMapper mapper, OperationsConfig config) {
        this.retries = retries;
        this.cancellations = cancellations;
        this.states = states;
        this.groups = groups;
        this.registry = registry;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Runs again, under the same identifiers, the operations that failed with a retriable system error, and answers the
     * current state of every given operation.
     */
    public Uni<List<OperationStateInterface>> retry(List<String> operationIds) {
        if (!config.role().accepts()) {
            return Uni.createFrom().failure(OperationDispatcher.wrongRole());
        }
        return retries.retry(operationIds, this::readKeysOf)
                .invoke(retried -> {
                    if (!retried.isEmpty()) {
                        groups.publish(retried);
                    }
                })
                .chain(() -> states.states(operationIds));
    }

    /**
     * Cancels the given operations that are not final yet, so that they are never applied, and answers the state of
     * every given operation after the call.
     */
    public Uni<List<OperationStateInterface>> cancel(List<String> operationIds) {
        if (!config.role().accepts()) {
            return Uni.createFrom().failure(OperationDispatcher.wrongRole());
        }
        return cancellations.cancel(operationIds).chain(() -> states.states(operationIds));
    }

    /** What a stored command reads; nothing when it cannot be read, as its operation then fails without reading. */
    private Collection<String> readKeysOf(String type, String payload) {
        return registry.handlerOf(type).map(handler -> {
            try {
                Command command = mapper.readValue(payload, handler.commandClass());
                return command.readKeys().stream().filter(key -> !command.aggregateKeys().contains(key)).toList();
            } catch (JsonProcessingException e) {
                return List.<String> of();
            }
        }).orElse(List.of());
    }
}
