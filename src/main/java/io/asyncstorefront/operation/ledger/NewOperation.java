package io.asyncstorefront.operation.ledger;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.asyncstorefront.operation.command.IdempotencyClaim;

/**
 * An operation to be accepted: its command type, the aggregates it changes and those it only reads, each sorted and
 * the two disjoint, its command as JSON, and, for a step of an ordered group, the identifier of the step before it
 * (else null), the idempotency key it is recorded under (else null), and the W3C traceparent of the request that
 * asked for it (else null), kept with it so that an identifier leads to its trace.
 */
public record NewOperation(String type, List<String> aggregateKeys, List<String> readKeys, JsonNode payload,
        String precedingStep, IdempotencyClaim idempotency, String traceParent) {

    public NewOperation(String type, List<String> aggregateKeys, List<String> readKeys, JsonNode payload,
            String precedingStep, IdempotencyClaim idempotency) {
        this(type, aggregateKeys, readKeys, payload, precedingStep, idempotency, null);
    }

    public NewOperation(String type, List<String> aggregateKeys, List<String> readKeys, JsonNode payload,
            String precedingStep) {
        this(type, aggregateKeys, readKeys, payload, precedingStep, null, null);
    }
}
