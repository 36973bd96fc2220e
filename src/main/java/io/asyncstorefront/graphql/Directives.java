package io.asyncstorefront.graphql;

/** The executable directives that the service reads, by their names in documents. */
public final class Directives {

    /** @idempotent(key:), on a top-level mutation field only. */
    public static final String IDEMPOTENT = "idempotent";

    private Directives() {
    }
}
