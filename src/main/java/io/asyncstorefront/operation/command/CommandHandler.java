package io.asyncstorefront.operation.command;

import java.util.List;

import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * Applies one kind of command. Implementations are CDI beans of the domain; the processor calls {@link #apply} inside
 * the transaction that also records the operation's final state.
 * <p>
 * A handler that fails a command returns a failed {@link Outcome} before it writes anything.
 */
public interface CommandHandler<C extends Command> {

    /** The stable name of the command, stored in the ledger and used for per-mutation configuration. */
    String type();

    Class<C> commandClass();

    Uni<Outcome> apply(C command);

    /** Custom final states this handler produces, so that the ledger can read them back. */
    default List<Class<? extends OperationStateInterface>> customStates() {
        return List.of();
    }
}
