package io.asyncstorefront.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.asyncstorefront.operation.command.BatchCommand;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * A handler of batch commands on keyed entities: reads every entity that its commands name in one statement, and what
 * its checks need in at most one more; decides each entry; then writes the entities of all commands without a wrong
 * entry in one statement. A command with a wrong entry changes nothing. The commands of one call name distinct entities,
 * as the processor never gives a handler two commands of one aggregate at once.
 *
 * @param <L> what the checks look up for all commands at once
 */
public abstract class EntityBatchHandler<C extends BatchCommand<I>, I, N, L> implements CommandHandler<C> {

    protected final EntityKind<N> kind;

    protected EntityBatchHandler(EntityKind<N> kind) {
        this.kind = kind;
    }

    /** The key of the entity that an entry is about. */
    protected abstract String keyOf(I entry);

    /** Reads, for all commands at once, what {@link #decide} needs; nothing by default. */
    protected Uni<L> lookup(Collection<String> keys) {
        return Uni.createFrom().nullItem();
    }

    /** The entity as the entry leaves it, or what is wrong with the entry. */
    protected abstract Decision<N> decide(I entry, int inputIndex, N current, L lookups);

    /** Writes the entities that the valid commands leave. */
    protected abstract Uni<Void> write(List<N> entities);

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(kind.completedState());
    }

    @Override
    public Uni<Outcome> apply(C command) {
        return applyAll(List.of(command)).map(outcomes -> outcomes.get(0));
    }

    @Override
    public Uni<List<Outcome>> applyAll(List<C> commands) {
        List<String> keys = commands.stream().flatMap(command -> command.input().stream()).map(this::keyOf)
                .distinct().toList();
        return kind.store().findByKeys(keys).chain(found -> lookup(keys).chain(lookups -> {
            Map<String, N> existing = new HashMap<>();
            found.forEach(entity -> existing.put(kind.store().keyOf(entity), entity));
            List<N> writes = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>(commands.size());
            for (C command : commands) {
                List<N> entities = new ArrayList<>();
                List<FailureReportInterface> failures = new ArrayList<>();
                for (int i = 0; i < command.input().size(); i++) {
                    I entry = command.input().get(i);
                    Decision<N> decision = decide(entry, i, existing.get(keyOf(entry)), lookups);
                    if (decision.failure() == null) {
                        entities.add(decision.entity());
                    } else {
                        failures.add(decision.failure());
                    }
                }
                if (failures.isEmpty()) {
                    writes.addAll(entities);
                    outcomes.add(kind.completed(entities));
                } else {
                    outcomes.add(Outcome.failed(failures));
                }
            }
            return writes.isEmpty() ? Uni.createFrom().item(outcomes) : write(writes).replaceWith(outcomes);
        }));
    }

    /** An entry's entity as the command leaves it, or the report of what is wrong with the entry. */
    protected record Decision<N>(N entity, FailureReportInterface failure) {

        static <N> Decision<N> leaves(N entity) {
            return new Decision<>(entity, null);
        }

        static <N> Decision<N> rejected(FailureReportInterface failure) {
            return new Decision<>(null, failure);
        }
    }
}
