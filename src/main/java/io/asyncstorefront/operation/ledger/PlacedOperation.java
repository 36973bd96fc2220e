package io.asyncstorefront.operation.ledger;

import java.util.Map;
import java.util.Set;

/**
 * An operation just recorded in the ledger, within a transaction that holds the progress rows of its aggregates: of
 * those it changes for update, of those it reads for share.
 *
 * @param operation the operation as the processor reads it
 * @param applied for each aggregate whose progress row the transaction holds, the sequence number up to which its
 *        changes are final
 * @param readersBefore the aggregates it changes that readers accepted before it, not yet final, still wait to read
 */
public record PlacedOperation(PendingOperation operation, Map<String, Long> applied, Set<String> readersBefore) {

    public String operationId() {
        return operation.id();
    }

    /** Whether everything it waits for is final, so that it can be applied without reading other operations. */
    public boolean isNext() {
        boolean changesNext = operation.sequences().entrySet().stream()
                .allMatch(place -> Long.valueOf(place.getValue() - 1).equals(applied.get(place.getKey()))
                        && !readersBefore.contains(place.getKey()));
        boolean readsSettled = operation.reads().entrySet().stream()
                .allMatch(read -> applied.containsKey(read.getKey()) && applied.get(read.getKey()) >= read.getValue());
        return changesNext && readsSettled;
    }
}
