package io.asyncstorefront.operation.ledger;

/**
 * The operations of one aggregate that a batch applies: those with a sequence number after {@code applied} (every
 * operation up to it is final) and up to {@code upTo}.
 */
public record AggregateRange(String aggregateKey, long applied, long upTo) {
}
