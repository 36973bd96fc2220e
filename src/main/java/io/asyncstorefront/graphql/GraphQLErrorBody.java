package io.asyncstorefront.graphql;

import java.util.List;

import io.asyncstorefront.error.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A GraphQL response holding one error that follows the error contract. */
record GraphQLErrorBody(String message, ErrorExtensions extensions, List<int[]> locations) {

    static GraphQLErrorBody of(ErrorCode code, String message) {
        return new GraphQLErrorBody(message, ErrorExtensions.of(code), List.of());
    }

    static GraphQLErrorBody limit(String message, int limit) {
        return new GraphQLErrorBody(message, ErrorExtensions.of(ErrorCode.LIMIT_EXCEEDED).withLimit(limit), List.of());
    }

    static GraphQLErrorBody input(String argument, String message) {
        return new GraphQLErrorBody(message, ErrorExtensions.of(ErrorCode.BAD_USER_INPUT).withArgument(argument),
                List.of());
    }

    static GraphQLErrorBody internal(String reference) {
        return new GraphQLErrorBody(ErrorContract.internalMessage(reference), ErrorExtensions.internal(reference),
                List.of());
    }

    GraphQLErrorBody at(int line, int column) {
        return new GraphQLErrorBody(message, extensions, List.of(new int[] { line, column }));
    }

    ErrorCode code() {
        return extensions.code();
    }

    String encode() {
        JsonObject error = new JsonObject().put("message", message);
        if (!locations.isEmpty()) {
            JsonArray at = new JsonArray();
            locations.forEach(l -> at.add(new JsonObject().put("line", l[0]).put("column", l[1])));
            error.put("locations", at);
        }
        return new JsonObject().put("errors", new JsonArray().add(error.put("extensions", new JsonObject(extensions.toMap()))))
                .encode();
    }
}
