package io.asyncstorefront.entity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Uni;

/**
 * Where entities of one kind known by a unique key are stored, as the shared batch handlers use them: a repository
 * implements it. Every statement costs one round trip, whatever the number of entities.
 *
 * @param <N> an entity as a plain value
 */
public interface EntityStore<N> {

    String keyOf(N entity);

    /** The entities with the given keys that exist, as plain values, not managed entities. */
    Uni<List<N>> findByKeys(Collection<String> keys);

    Uni<Void> insertAll(List<N> entities);

    Uni<Void> updateAll(List<N> entities);

    Uni<Void> deleteByKeys(Collection<String> keys);

    /** The keys, among the given ones, of entities that other entities refer to, so that they cannot be deleted. */
    Uni<Set<String>> referenced(Collection<String> keys);
}
