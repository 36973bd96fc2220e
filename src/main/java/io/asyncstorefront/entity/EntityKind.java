package io.asyncstorefront.entity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * Entities of one kind known by a unique key, such as products by SKU, as the shared batch handlers see them: where
 * they are stored, and how their reports and results read. Every statement costs one round trip, whatever the number of
 * entities.
 *
 * @param <N> an entity as a plain value
 */
public interface EntityKind<N> {

    String keyOf(N entity);

    Uni<List<N>> find(Collection<String> keys);

    Uni<Void> insertAll(List<N> entities);

    Uni<Void> updateAll(List<N> entities);

    Uni<Void> deleteAll(Collection<String> keys);

    /** The keys, among the given ones, of entities that other entities refer to, so that they cannot be deleted. */
    Uni<Set<String>> referenced(Collection<String> keys);

    FailureReportInterface alreadyExists(String key, int inputIndex);

    FailureReportInterface missing(String key, int inputIndex);

    FailureReportInterface stillReferenced(String key, int inputIndex);

    /** A command's final state, holding the entities as the command left them (deleted ones as they were). */
    Outcome completed(List<N> entities);

    Class<? extends OperationStateInterface> completedState();
}
