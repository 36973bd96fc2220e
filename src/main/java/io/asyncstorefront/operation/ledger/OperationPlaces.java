package io.asyncstorefront.operation.ledger;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An operation's places: its sequence number in each aggregate it changes, and for each aggregate it only reads, the
 * number of that aggregate's changes accepted before it.
 */
public record OperationPlaces(Map<String, Long> sequences, Map<String, Long> reads) {

    public static final OperationPlaces NONE = new OperationPlaces(Map.of(), Map.of());

    public Set<String> keys() {
        Set<String> keys = new HashSet<>(sequences.keySet());
        keys.addAll(reads.keySet());
        return keys;
    }
}
