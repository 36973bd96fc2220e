package io.asyncstorefront.persistence;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native selects that Hibernate plans afresh each time. Hibernate ORM 7.1 never finds the cached plan of a native
 * select again (its key holds a result mapping that equals only itself), so every execution adds a plan to the plan
 * cache, all plans of a statement under one hash, and each lookup compares them one by one: measured, a sixth of the
 * service's CPU in sync mode, growing as the cache filled. A statement with a parameter bound to a list is not cached,
 * so the JSON parameter of each such statement is bound as a one-element list, which the statement reads as one value.
 */
public final class NativeSelects {

    private NativeSelects() {
    }

    public static <R> Mutiny.SelectionQuery<R> withJson(Mutiny.SelectionQuery<R> query, String parameter, String json) {
        return query.setParameter(parameter, List.of(json));
    }
}
