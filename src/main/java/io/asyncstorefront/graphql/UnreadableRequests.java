package io.asyncstorefront.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Answers a GraphQL request that the GraphQL handler fails to read (a variables or operationName member of the wrong
 * JSON type makes it throw) with 400 and a GraphQL error, instead of a server error. Only the /graphql route's own
 * failures reach it, and only before anything was sent.
 */
@ApplicationScoped
class UnreadableRequests {

    private static final Logger LOG = Logger.getLogger(UnreadableRequests.class);

    private static final String BODY = new JsonObject().put("errors", new JsonArray().add(new JsonObject()
            .put("message", "The request could not be read: send a JSON object with a query string and, if any, "
                    + "an operationName string and a variables object")
            .put("extensions", new JsonObject().put("classification", "InvalidRequest"))))
            .encode();

    void install(@Observes Router router) {
        router.route("/graphql").failureHandler(context -> {
            if (context.response().headWritten() || context.statusCode() != -1 && context.statusCode() != 500) {
                context.next();
                return;
            }
            LOG.warnf("A GraphQL request could not be read: %s", String.valueOf(context.failure()));
            context.response().setStatusCode(400).putHeader("content-type", "application/json").end(BODY);
        });
    }
}
