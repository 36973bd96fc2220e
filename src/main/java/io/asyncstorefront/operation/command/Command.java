package io.asyncstorefront.operation.command;

/**
 * A state change that a mutation asks for. Commands are records serialized as JSON into the ledger and onto the broker.
 */
public interface Command {

    /** Operations with the same aggregate key are applied one after the other, in the order they were accepted. */
    String aggregateKey();
}
