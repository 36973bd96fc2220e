package io.asyncstorefront.operation.processing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.ledger.OperationLedger;
import io.asyncstorefront.operation.ledger.OperationRecord;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies an operation together with every unfinished operation that shares an aggregate with it and was accepted
 * before it (and theirs, in turn), in acceptance order, in one transaction that also records their final states. An
 * operation that is already final is skipped, so a command delivered twice is applied once.
 */
@ApplicationScoped
public class OperationProcessor {

    private static final Logger LOG = Logger.getLogger(OperationProcessor.class);

    private final OperationLedger ledger;
    private final CommandRegistry registry;
    private final ObjectMapper mapper;

    public OperationProcessor(OperationLedger ledger, CommandRegistry registry, ObjectMapper mapper) {
        this.ledger = ledger;
        this.registry = registry;
        this.mapper = mapper;
    }

    /** Never fails: a failure is counted against the operation that caused it, and the relay retries later. */
    public Uni<Void> process(String operationId) {
        return ledger.markInProgress(operationId)
                .chain(() -> Panache.withTransaction(() -> ledger.lockUnfinishedUpTo(operationId)
                        .chain(this::applyInOrder)))
                .onFailure().recoverWithUni(failure -> {
                    String failedId = failure instanceof ApplyFailure applyFailure ? applyFailure.operationId : operationId;
                    LOG.warnf(failure, "Applying operation %s failed; it will be retried", failedId);
                    return ledger.recordFailedAttempt(failedId).onFailure().recoverWithItem(nested -> {
                        LOG.warnf("Could not count the failed attempt of operation %s: %s", failedId, nested);
                        return null;
                    });
                });
    }

    private Uni<Void> applyInOrder(List<OperationRecord> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OperationRecord record : records) {
            chain = chain.chain(() -> apply(record));
        }
        return chain;
    }

    private Uni<Void> apply(OperationRecord record) {
        return registry.handlerOf(record.commandType)
                .map(handler -> applyWith(handler, record))
                .orElseGet(() -> Uni.createFrom().item(systemFailure(record, "Unknown command type " + record.commandType)))
                .invoke(state -> ledger.finish(record, state))
                .onFailure().transform(failure -> new ApplyFailure(record.id, failure))
                .replaceWithVoid();
    }

    private <C extends Command> Uni<OperationStateInterface> applyWith(CommandHandler<C> handler, OperationRecord record) {
        C command;
        try {
            command = mapper.readValue(record.payload, handler.commandClass());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(systemFailure(record, "The command payload cannot be read"));
        }
        return handler.apply(command).map(outcome -> outcome.stateOf(record.id));
    }

    private static OperationStateInterface systemFailure(OperationRecord record, String message) {
        return new OperationFailed(record.id, List.of(new SystemErrorReport(message)));
    }

    private static final class ApplyFailure extends RuntimeException {

        private final String operationId;

        ApplyFailure(String operationId, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.operationId = operationId;
        }
    }
}
