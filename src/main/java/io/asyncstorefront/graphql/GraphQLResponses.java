package io.asyncstorefront.graphql;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over HTTP's answer to a POST, in one place for the request gate's refusals and SmallRye GraphQL's results:
 * application/graphql-response+json to a client whose Accept names it, application/json to any other (no Accept, a
 * wildcard); a request error (a result without data) answers 400 in the first and 200 in the second.
 */
final class GraphQLResponses {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    /** Where graphql-java finds the request it starts executing, on the request's own Vert.x context. */
    private static final String REQUEST = GraphQLResponses.class.getName() + ".request";
    private static final String REQUEST_ERROR = GraphQLResponses.class.getName() + ".requestError";

    private GraphQLResponses() {
    }

    static String contentType(RoutingContext context) {
        return (wantsGraphQLResponse(context) ? GRAPHQL_RESPONSE : "application/json") + ";charset=UTF-8";
    }

    static int requestErrorStatus(RoutingContext context) {
        return wantsGraphQLResponse(context) ? 400 : 200;
    }

    /** Makes SmallRye GraphQL's answer to this request follow the rules above. */
    static void follow(RoutingContext context) {
        Context vertx = Vertx.currentContext();
        if (vertx != null && VertxContext.isDuplicatedContext(vertx)) {
            vertx.putLocal(REQUEST, context);
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() != 200) {
                return; // one of SmallRye GraphQL's own refusals (406 for an Accept it cannot answer), without a body
            }
            context.response().putHeader("Content-Type", contentType(context));
            if (context.get(REQUEST_ERROR) != null) {
                int status = requestErrorStatus(context);
                // SmallRye GraphQL set the reason phrase OK along with 200.
                context.response().setStatusCode(status)
                        .setStatusMessage(HttpResponseStatus.valueOf(status).reasonPhrase());
            }
        });
    }

    /**
     * The request that graphql-java starts executing, or null outside one; read as execution starts, since the result
     * may complete on another thread.
     */
    static RoutingContext current() {
        Context vertx = Vertx.currentContext();
        return vertx != null && VertxContext.isDuplicatedContext(vertx)
                && vertx.getLocal(REQUEST) instanceof RoutingContext context ? context : null;
    }

    /** Marks the request's result as one without data (a document or its variables refused before execution). */
    static void requestError(RoutingContext context) {
        context.put(REQUEST_ERROR, Boolean.TRUE);
    }

    private static boolean wantsGraphQLResponse(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        return accept != null && accept.contains(GRAPHQL_RESPONSE);
    }
}
