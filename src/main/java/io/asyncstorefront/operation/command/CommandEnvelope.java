package io.asyncstorefront.operation.command;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An accepted command as the broker carries it. The order of operations within their aggregates is kept by the
 * ledger, not by the message.
 */
public record CommandEnvelope(
        String operationId,
        String type,
        List<String> aggregateKeys,
        JsonNode payload) {
}
