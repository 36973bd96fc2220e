package io.asyncstorefront.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import graphql.schema.GraphQLSchema;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * /graphql/schema.graphql: the schema that requests run against and introspection answers (ClientSchema), as SDL of
 * the media type GraphQL tools expect. Served in place of SmallRye GraphQL's, which prints the generated schema without
 * its scalars and directives.
 */
@ApplicationScoped
class PublishedSchema {

    static final String PATH = "/graphql/schema.graphql";

    private final Instance<GraphQLSchema> generated;
    private volatile String sdl;

    PublishedSchema(Instance<GraphQLSchema> generated) {
        this.generated = generated;
    }

    void install(@Observes Router router) {
        // Ahead of SmallRye GraphQL's own route for the same path.
        router.get(PATH).order(-250).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        if (sdl == null) {
            // Printed once, on first use: the generated schema exists only once SmallRye GraphQL has started.
            sdl = ClientSchema.print(ClientSchema.of(generated.get()));
        }
        context.response().putHeader("Content-Type", "application/graphql; charset=utf-8").end(sdl);
    }
}
