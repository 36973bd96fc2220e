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

    Class<C> commandClass();

    /**
     * The stable name of the command, stored in the ledger and used for per-mutation configuration: the command's
     * class name in camel case, which is also the name of its mutation (AddProductsToCart, addProductsToCart).
     */
    default String type() {
        String name = commandClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    Uni<Outcome> apply(C command);

    /** Custom final states this handler produces, so that the ledger can read them back. */
    default List<Class<? extends OperationStateInterface>> customStates() {
        return List.of();
    }
}
