package io.asyncstorefront.operation.command;

import io.asyncstorefront.persistence.Columns;

/**
 * A kind of aggregate (a cart, a product) with the length of its longest identifier: a kind whose keys could outgrow the
 * ledger's column does not construct.
 */
public record AggregateKind(String name, int longestIdentifier) {

    public AggregateKind {
        if (name.length() + 1 + longestIdentifier > Columns.AGGREGATE_KEY) {
            throw new IllegalArgumentException("Keys of %s would be up to %d characters long; the ledger stores %d"
                    .formatted(name, name.length() + 1 + longestIdentifier, Columns.AGGREGATE_KEY));
        }
    }

    public String key(String identifier) {
        return name + ":" + identifier;
    }
}
