package io.asyncstorefront.warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * One round of the rehearsal, over the instance's own HTTP port, as a storefront sends it: a cart is created, deleted as
 * soon as its creation is answered (the deletion is applied after it, README "Order: write, then use"), and both
 * operations are read. A round ends only once its deletion is accepted, so no rehearsal cart outlives its round but
 * through a failure, which names the cart.
 */
final class Rehearsal {

    /** Why a round failed; it names the cart when the cart may remain. */
    static final class Failure extends RuntimeException {

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /* A request that has not been answered in this time fails its round rather than holding readiness back. */
    private static final long REQUEST_TIMEOUT_SECONDS = 30;
    private static final String CREATE = "mutation($m: String!) { createEmptyCart(cartMask: $m) { identifier } }";
    private static final String DELETE = "mutation($m: String!) { deleteCarts(input: [{cartMask: $m}]) { identifier } }";
    private static final String READ = "query($ids: [String!]!) { queue(operationIdentifiers: $ids) { __typename } }";

    private final HttpClient client;
    private final RequestOptions request;

    Rehearsal(HttpClient client, String host, int port, String path) {
        this.client = client;
        this.request = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setURI(path)
                .putHeader("Content-Type", "application/json")
                .setIdleTimeout(TimeUnit.SECONDS.toMillis(REQUEST_TIMEOUT_SECONDS));
    }

    Uni<Void> round(String cartMask) {
        Map<String, Object> mask = Map.of("m", cartMask);
        return send(CREATE, mask, "createEmptyCart")
                // An answer lost after the creation was accepted would leave the cart: its deletion is sent anyway.
                .onFailure().call(failure -> send(DELETE, mask, "deleteCarts").onFailure().recoverWithNull())
                .chain(created -> send(DELETE, mask, "deleteCarts")
                        .onFailure().transform(failure -> new Failure(failure.getMessage()
                                + "; the rehearsal's cart " + cartMask + " may remain"))
                        .chain(deleted -> send(READ, Map.of("ids", List.of(created, deleted)), null)))
                .replaceWithVoid();
    }

    /** The identifier of the operation that the mutation field answered, or null for the query. */
    private Uni<String> send(String document, Map<String, Object> variables, String field) {
        String name = field == null ? "queue" : field;
        JsonObject body = new JsonObject().put("query", document).put("variables", new JsonObject(variables));
        return client.request(request).chain(outgoing -> outgoing.send(Buffer.newInstance(body.toBuffer())))
                .chain(response -> response.body().map(answer -> {
                    if (response.statusCode() != 200) {
                        throw new Failure("The rehearsal's " + name + " was answered " + response.statusCode());
                    }
                    JsonObject json;
                    try {
                        json = answer.toJsonObject();
                    } catch (DecodeException e) {
                        throw new Failure("The rehearsal's " + name + " was answered with no JSON object");
                    }
                    JsonArray errors = json.getJsonArray("errors");
                    JsonObject data = json.getJsonObject("data");
                    if (errors != null && !errors.isEmpty() || data == null || data.getValue(name) == null) {
                        throw new Failure("The rehearsal's " + name + " was answered without its data"
                                + (errors == null ? "" : ": " + errors.encode()));
                    }
                    return field == null ? null : data.getJsonObject(field).getString("identifier");
                }));
    }
}
