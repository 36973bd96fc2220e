package io.asyncstorefront.operation.ledger;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** An operation to be accepted: its command type, the aggregates it changes, sorted, and its command as JSON. */
public record NewOperation(String type, List<String> aggregateKeys, JsonNode payload) {
}
