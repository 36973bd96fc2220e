package io.asyncstorefront.operation.ledger;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.state.OperationCancelled;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationStateInterface;

/**
 * Where an operation is in its life. It only moves forward: ACCEPTED, IN_PROGRESS, then COMPLETED or FAILED, or
 * CANCELLED before it was applied.
 */
public enum OperationStatus {
    ACCEPTED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** The final statuses as an SQL list, 'COMPLETED', …, so that statements name them as this enum does. */
    static final String FINAL = Arrays.stream(values()).filter(OperationStatus::isFinal)
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));

    /** The status of an operation that ends in the given final state. */
    public static OperationStatus of(OperationStateInterface finalState) {
        return finalState instanceof OperationCancelled ? CANCELLED
                : finalState instanceof OperationFailed ? FAILED : COMPLETED;
    }

    public boolean isFinal() {
        return this != ACCEPTED && this != IN_PROGRESS;
    }
}
