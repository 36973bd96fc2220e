package io.asyncstorefront.operation.ledger;

import java.util.Map;

/**
 * An operation just recorded in the ledger.
 *
 * @param sequences the operation's sequence number in each aggregate it names
 */
public record PlacedOperation(String operationId, Map<String, Long> sequences) {
}
