package io.asyncstorefront.warmup;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * One round of the rehearsal, over the instance's own HTTP port, as a storefront sends it: a cart is created, deleted as
 * soon as its creation is answered (the deletion is applied after it, README "Order: write, then use"), and both
 * operations are read. So the rehearsal leaves no cart behind, only finished operations that retention forgets.
 */
final class Rehearsal {

    /** Why a round failed; it names the cart when the cart may remain. */
    static final class Failure extends RuntimeException {

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final String CREATE = "mutation($m: String!) { createEmptyCart(cartMask: $m) { identifier } }";
    private static final String DELETE = "mutation($m: String!) { deleteCarts(input: [{cartMask: $m}]) { identifier } }";
    private static final String READ = "query($ids: [String!]!) { queue(operationIdentifiers: $ids) { __typename } }";

    private final HttpClient client;
    private final RequestOptions request;

    Rehearsal(HttpClient client, int port, String path) {
        this.client = client;
        this.request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("Content-Type", "application/json");
    }

    Uni<Void> round(String cartMask) {
        return send(CREATE, Map.of("m", cartMask), "createEmptyCart")
                .chain(created -> send(DELETE, Map.of("m", cartMask), "deleteCarts")
                        .onFailure().transform(failure -> new Failure(failure.getMessage()
                                + "; the rehearsal's cart " + cartMask + " may remain"))
                        .chain(deleted -> send(READ, Map.of("ids", List.of(created, deleted)), null)))
                .replaceWithVoid();
    }

    /** The identifier of the operation that the mutation field answered, or null for the query. */
    private Uni<String> send(String document, Map<String, Object> variables, String field) {
        JsonObject body = new JsonObject().put("query", document).put("variables", new JsonObject(variables));
        return client.request(request).chain(outgoing -> outgoing.send(Buffer.newInstance(body.toBuffer())))
                .chain(response -> response.body().map(answer -> {
                    JsonObject json = answer.toJsonObject();
                    JsonArray errors = json.getJsonArray("errors");
                    if (response.statusCode() != 200 || errors != null && !errors.isEmpty()) {
                        throw new Failure("The rehearsal's " + (field == null ? "queue" : field) + " was answered "
                                + response.statusCode() + (errors == null ? "" : ": " + errors.encode()));
                    }
                    return field == null ? null : json.getJsonObject("data").getJsonObject(field).getString("identifier");
                }));
    }
}
