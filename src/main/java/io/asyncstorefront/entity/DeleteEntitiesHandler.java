package io.asyncstorefront.entity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.asyncstorefront.operation.command.BatchCommand;
import io.smallrye.mutiny.Uni;

/** Deletes one entity per key; a missing entity, or one that others still refer to, is rejected. */
public abstract class DeleteEntitiesHandler<C extends BatchCommand<String>, N>
        extends EntityBatchHandler<C, String, N, Set<String>> {

    protected DeleteEntitiesHandler(EntityKind<N> kind) {
        super(kind);
    }

    @Override
    protected String keyOf(String key) {
        return key;
    }

    @Override
    protected Uni<Set<String>> lookup(Collection<String> keys) {
        return kind.store().referenced(keys);
    }

    @Override
    protected Decision<N> decide(String key, int inputIndex, N current, Set<String> referenced) {
        if (current == null) {
            return Decision.rejected(kind.missing(key, inputIndex));
        }
        return referenced.contains(key) ? Decision.rejected(kind.stillReferenced(key, inputIndex))
                : Decision.leaves(current);
    }

    @Override
    protected Uni<Void> write(List<N> entities) {
        return kind.store().deleteByKeys(entities.stream().map(kind.store()::keyOf).toList());
    }
}
