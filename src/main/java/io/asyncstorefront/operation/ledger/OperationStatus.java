package io.asyncstorefront.operation.ledger;

/** Where an operation is in its life. It only moves forward: ACCEPTED, IN_PROGRESS, then COMPLETED or FAILED. */
public enum OperationStatus {
    ACCEPTED,
    IN_PROGRESS,
    COMPLETED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
