package io.asyncstorefront.operation.messaging;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of a message on the command queue: the identifiers of operations whose commands wait in the ledger. The
 * ledger holds the commands themselves, so one message wakes the processor for a whole accept group, and a duplicate
 * changes nothing. {"operationIds": [...]}; a message of an earlier version names one operation as "operationId".
 */
public record CommandNotice(List<String> operationIds) {

    private static final String IDS = "operationIds";
    private static final String LEGACY_ID = "operationId";

    public JsonObject toJson() {
        return new JsonObject().put(IDS, new JsonArray(new ArrayList<>(operationIds)));
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
}
