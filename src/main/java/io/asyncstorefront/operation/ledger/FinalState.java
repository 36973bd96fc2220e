package io.asyncstorefront.operation.ledger;

import io.asyncstorefront.operation.state.OperationStateInterface;

/** The final state of an operation, to be recorded with the entity changes that produced it. */
public record FinalState(String operationId, OperationStateInterface state) {
}
