package io.asyncstorefront.graphql;

/** The executable directives that the service reads, by their names in documents. */
public final class Directives {

    /** @idempotent(key:), on a top-level mutation field only. */
    public static final String IDEMPOTENT = "idempotent";
    /**
     * Its argument's description, which SmallRye GraphQL does not take from the annotation that declares the directive:
     * the published schema adds it (ClientSchema).
     */
    static final String IDEMPOTENT_KEY = "The key the client chose for this request: 1 to 255 characters, the same on "
            + "every retry.";

    private Directives() {
    }
}
