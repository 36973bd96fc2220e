package io.asyncstorefront.graphql;

import java.util.List;

import io.asyncstorefront.error.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A GraphQL response holding one error that follows the error contract. */
record GraphQLErrorBody(ErrorCode code, String message, String argument, Integer limit, String reference,
        List<int[]> locations) {

    static GraphQLErrorBody of(ErrorCode code, String message) {
        return new GraphQLErrorBody(code, message, null, null, null, List.of());
    }

    static GraphQLErrorBody limit(String message, int limit) {
        return new GraphQLErrorBody(ErrorCode.LIMIT_EXCEEDED, message, null, limit, null, List.of());
    }

    static GraphQLErrorBody input(String argument, String message) {
        return new GraphQLErrorBody(ErrorCode.BAD_USER_INPUT, message, argument, null, null, List.of());
    }

    static GraphQLErrorBody internal(String reference) {
        return new GraphQLErrorBody(ErrorCode.INTERNAL, "Internal error; reference " + reference, null, null, reference,
                List.of());
    }

    GraphQLErrorBody at(int line, int column) {
        return new GraphQLErrorBody(code, message, argument, limit, reference, List.of(new int[] { line, column }));
    }

    String encode() {
        JsonObject extensions = new JsonObject().put("code", code.name());
        if (argument != null) {
            extensions.put("argument", argument);
        }
        if (limit != null) {
            extensions.put("limit", limit);
        }
        if (reference != null) {
            extensions.put("reference", reference);
        }
        JsonObject error = new JsonObject().put("message", message);
        if (!locations.isEmpty()) {
            JsonArray at = new JsonArray();
            locations.forEach(l -> at.add(new JsonObject().put("line", l[0]).put("column", l[1])));
            error.put("locations", at);
        }
        return new JsonObject().put("errors", new JsonArray().add(error.put("extensions", extensions))).encode();
    }
}
