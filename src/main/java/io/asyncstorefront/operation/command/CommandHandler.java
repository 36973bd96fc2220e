package io.asyncstorefront.operation.command;

import java.util.ArrayList;
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
     * The stable name of the command: the name of its mutation, stored in the ledger and used for per-mutation
     * configuration. Declared, not derived from a class name, so that renaming a class cannot orphan the ledger's rows.
     */
    String type();

    Uni<Outcome> apply(C command);

    /**
     * Applies several commands of this type within the caller's transaction and answers one outcome per command, in
     * order. The commands change pairwise distinct aggregates and change nothing that another of them reads (they may read
     * the same ones), so their order among themselves does not matter. A
     * logical failure is an outcome of its command alone; an exception fails them all. Handlers override this to read
     * and write for all commands with a constant number of statements; the default applies them one after the other.
     */
    default Uni<List<Outcome>> applyAll(List<C> commands) {
        Uni<List<Outcome>> outcomes = Uni.createFrom().item(new ArrayList<>(commands.size()));
        for (C command : commands) {
            outcomes = outcomes.chain(done -> apply(command).map(outcome -> {
                done.add(outcome);
                return done;
            }));
        }
        return outcomes;
    }

    /** Custom final states this handler produces, so that the ledger can read them back. */
    default List<Class<? extends OperationStateInterface>> customStates() {
        return List.of();
    }
}
