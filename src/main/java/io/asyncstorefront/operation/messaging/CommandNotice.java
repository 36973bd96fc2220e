package io.asyncstorefront.operation.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of a message on the command queue: the identifiers of operations whose commands wait in the ledger, and
 * the traceparent of the request that accepted each (null where none was recorded), so that the batch that applies
 * them links their traces. The ledger holds the commands themselves, so one message wakes the processor for a whole
 * accept group, and a duplicate changes nothing. {"operationIds": [...], "traceParents": [...]}; a message of an
 * earlier version names one operation as "operationId", or several without their traces.
 */
public record CommandNotice(List<String> operationIds, List<String> traceParents) {

    private static final String IDS = "operationIds";
    private static final String TRACE_PARENTS = "traceParents";
    private static final String LEGACY_ID = "operationId";

    /** Operations whose traces are not at hand, as the relay republishes them. */
    public CommandNotice(List<String> operationIds) {
        this(operationIds, List.of());
    }

    /** Without traces where none was recorded (tracing off), so that every message does not carry a list of nulls. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put(IDS, new JsonArray(new ArrayList<>(operationIds)));
        return traceParents.stream().allMatch(Objects::isNull) ? json
                : json.put(TRACE_PARENTS, new JsonArray(new ArrayList<>(traceParents)));
    }

    /** The identifiers that a message body names; none when it names nothing that could be an identifier. */
    public static List<String> idsIn(Object body) {
        if (!(body instanceof JsonObject json)) {
            return List.of();
        }
        if (json.getValue(IDS) instanceof JsonArray ids) {
            return ids.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return json.getValue(LEGACY_ID) instanceof String id ? List.of(id) : List.of();
    }

    /** The traceparents that a message body carries, if any. */
    public static List<String> traceParentsIn(Object body) {
        if (body instanceof JsonObject json && json.getValue(TRACE_PARENTS) instanceof JsonArray parents) {
            return parents.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
