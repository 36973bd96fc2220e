package io.asyncstorefront.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.parser.ParserOptions;
import io.quarkus.runtime.StartupEvent;

/**
 * The parser limits of GraphQL documents. SmallRye GraphQL parses with graphql-java's process-wide default options, so
 * the limits are made the defaults once, at startup, which comes before the HTTP server takes requests.
 */
@ApplicationScoped
class ParserLimits {

    private final ParserOptions options;

    ParserLimits(GraphQLLimits limits) {
        this.options = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens())
                .maxRuleDepth(limits.maxDepth() * 10 + 50));
    }

    ParserOptions options() {
        return options;
    }

    void makeDefault(@Observes StartupEvent started) {
        ParserOptions.setDefaultOperationParserOptions(options);
    }
}
