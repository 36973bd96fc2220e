package io.asyncstorefront.entity;

import java.util.List;

import io.asyncstorefront.operation.command.BatchCommand;
import io.smallrye.mutiny.Uni;

/** Changes one existing entity per entry; an entry about a missing entity is rejected. */
public abstract class UpdateEntitiesHandler<C extends BatchCommand<I>, I, N> extends EntityBatchHandler<C, I, N, Void> {

    protected UpdateEntitiesHandler(EntityKind<N> kind) {
        super(kind);
    }

    /** The entity with the entry's changes; fields that the entry leaves out stay as they are. */
    protected abstract N updated(N current, I change);

    @Override
    protected Decision<N> decide(I entry, int inputIndex, N current, Void lookups) {
        return current == null ? Decision.rejected(kind.missing(keyOf(entry), inputIndex))
                : Decision.leaves(updated(current, entry));
    }

    @Override
    protected Uni<Void> write(List<N> entities) {
        return kind.store().updateAll(entities);
    }
}
