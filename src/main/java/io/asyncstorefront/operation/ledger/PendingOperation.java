package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.util.Map;

/**
 * An operation as the processor reads it: its command and its place in each of its aggregates.
 *
 * @param sequences the operation's sequence number in each aggregate it changes
 * @param reads for each aggregate it only reads, the number of that aggregate's changes accepted before it
 * @param waited how long the operation had waited since it was accepted, when it was read
 * @param precedingStep for a step of an ordered group, the identifier of the step before it; else null
 */
public record PendingOperation(
        String id,
        String commandType,
        String payload,
        OperationStatus status,
        int failedAttempts,
        long acceptedSequence,
        Map<String, Long> sequences,
        Map<String, Long> reads,
        Duration waited,
        String precedingStep) {
}
