package io.asyncstorefront.operation.ledger;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operation to be accepted: its command type, the aggregates it changes, sorted, its command as JSON, and, for a step
 * of an ordered group, the identifier of the step before it (else null).
 */
public record NewOperation(String type, List<String> aggregateKeys, JsonNode payload, String precedingStep) {
}
