package io.asyncstorefront.operation.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.ledger.FinalState;
import io.asyncstorefront.operation.ledger.PendingOperation;
import io.asyncstorefront.operation.state.OperationFailed;
import io.smallrye.mutiny.Uni;

/**
 * One call of a command type's handler for all its operations of a round, and the final states it comes to. An
 * operation that cannot reach the handler fails on its own: an unknown command type or an unreadable payload for
 * good, one whose attempts ran out as retriable. A handler's failure fails the call, for the processor to isolate.
 */
final class HandlerCalls {

    private final Function<String, Optional<CommandHandler<?>>> handlers;
    private final ObjectMapper mapper;
    private final int maxAttempts;

    HandlerCalls(Function<String, Optional<CommandHandler<?>>> handlers, ObjectMapper mapper, int maxAttempts) {
        this.handlers = handlers;
        this.mapper = mapper;
        this.maxAttempts = maxAttempts;
    }

    /** The final states of the operations, all of one command type: those that failed first, then the handler's. */
    Uni<List<FinalState>> apply(List<PendingOperation> operations) {
        String type = operations.get(0).commandType();
        Optional<CommandHandler<?>> handler = handlers.apply(type);
        if (handler.isEmpty()) {
            return Uni.createFrom().item(operations.stream()
                    .map(operation -> failed(operation, SystemErrorReport.permanent("Unknown command type " + type)))
                    .toList());
        }
        return applyWith(handler.get(), operations);
    }

    private <C extends Command> Uni<List<FinalState>> applyWith(CommandHandler<C> handler,
            List<PendingOperation> operations) {
        List<FinalState> failed = new ArrayList<>();
        List<PendingOperation> applicable = new ArrayList<>();
        List<C> commands = new ArrayList<>();
        for (PendingOperation operation : operations) {
            if (operation.failedAttempts() >= maxAttempts) {
                failed.add(failed(operation, SystemErrorReport.attemptsRanOut(operation.failedAttempts())));
                continue;
            }
            try {
                commands.add(mapper.readValue(operation.payload(), handler.commandClass()));
                applicable.add(operation);
            } catch (JsonProcessingException e) {
                failed.add(failed(operation, SystemErrorReport.permanent("The command payload cannot be read")));
            }
        }
        if (commands.isEmpty()) {
            return Uni.createFrom().item(failed);
        }
        return handler.applyAll(commands).map(outcomes -> {
            List<FinalState> states = new ArrayList<>(failed);
            for (int i = 0; i < applicable.size(); i++) {
                String id = applicable.get(i).id();
                states.add(new FinalState(id, outcomes.get(i).stateOf(id)));
            }
            return states;
        });
    }

    private static FinalState failed(PendingOperation operation, SystemErrorReport report) {
        return new FinalState(operation.id(), new OperationFailed(operation.id(), List.of(report)));
    }
}
