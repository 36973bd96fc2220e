package io.asyncstorefront.operation.ledger;

import java.util.Map;

/**
 * An operation just recorded in the ledger, within a transaction that holds the progress rows of its aggregates.
 *
 * @param operation the operation as the processor reads it
 * @param applied for each aggregate whose progress row the transaction holds, the sequence number up to which its
 *        operations are final
 */
public record PlacedOperation(PendingOperation operation, Map<String, Long> applied) {

    public String operationId() {
        return operation.id();
    }

    /** Whether every earlier operation of its aggregates is final, so that it can be applied without reading others. */
    public boolean isNext() {
        return operation.sequences().entrySet().stream()
                .allMatch(place -> Long.valueOf(place.getValue() - 1).equals(applied.get(place.getKey())));
    }
}
