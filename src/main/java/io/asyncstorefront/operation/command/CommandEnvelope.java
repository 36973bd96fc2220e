package io.asyncstorefront.operation.command;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An accepted command as the broker carries it. Its order within the aggregate is kept by the ledger, not by the
 * message.
 */
public record CommandEnvelope(
        String operationId,
        String type,
        String aggregateKey,
        JsonNode payload) {
}
