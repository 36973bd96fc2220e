package io.asyncstorefront.operation.ledger;

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

    public boolean isFinal() {
        return this != ACCEPTED && this != IN_PROGRESS;
    }
}
