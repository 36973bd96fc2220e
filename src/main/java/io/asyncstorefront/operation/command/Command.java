package io.asyncstorefront.operation.command;

import java.util.Set;

/**
 * A state change that a mutation asks for. Commands are records serialized as JSON into the ledger and onto the broker.
 */
public interface Command {

    /**
     * The aggregates the command changes, such as "Cart:my-cart". Operations that share an aggregate are applied one
     * after the other, in the order they were accepted.
     */
    Set<String> aggregateKeys();
}
