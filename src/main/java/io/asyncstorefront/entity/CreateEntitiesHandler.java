package io.asyncstorefront.entity;

import java.util.List;

import io.asyncstorefront.operation.command.BatchCommand;
import io.smallrye.mutiny.Uni;

/** Creates one entity per entry; an entry whose key is taken is rejected. */
public abstract class CreateEntitiesHandler<C extends BatchCommand<I>, I, N> extends EntityBatchHandler<C, I, N, Void> {

    protected CreateEntitiesHandler(EntityKind<N> kind) {
        super(kind);
    }

    protected abstract N created(I entry);

    @Override
    protected String keyOf(I entry) {
        return kind.store().keyOf(created(entry));
    }

    @Override
    protected Decision<N> decide(I entry, int inputIndex, N current, Void lookups) {
        return current == null ? Decision.leaves(created(entry))
                : Decision.rejected(kind.alreadyExists(keyOf(entry), inputIndex));
    }

    @Override
    protected Uni<Void> write(List<N> entities) {
        return kind.store().insertAll(entities);
    }
}
