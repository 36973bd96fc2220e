package io.asyncstorefront.operation.command;

import java.util.Set;

/**
 * A state change that a mutation asks for. Commands are records serialized as JSON into the ledger and onto the broker.
 * <p>
 * Order: an operation is applied after every operation accepted before it that changes what it reads or reads or
 * changes what it changes; operations that only read the same aggregate do not wait for each other.
 */
public interface Command {

    /**
     * The aggregates the command changes, such as "Cart:my-cart". Operations that share an aggregate are applied one
     * after the other, in the order they were accepted.
     */
    Set<String> aggregateKeys();

    /**
     * The aggregates whose state the command's outcome depends on but that it does not change, such as the products
     * that an addition puts into a cart: it is applied after their earlier changes, and their later changes after it.
     */
    default Set<String> readKeys() {
        return Set.of();
    }
}
