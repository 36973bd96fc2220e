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

    /**
     * A key that stands for the references to every aggregate of this kind, which no identifier's key equals: an
     * operation that drops references it cannot name (deleting a cart drops those to its products) reads it, and one
     * that needs to see them all settled (deleting a product checks that no cart holds it) changes it, so that it is
     * applied after every earlier such drop and before every later one.
     */
    public String references() {
        return name + " references";
    }
}
