package io.asyncstorefront.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.parser.ParserOptions;
import io.quarkus.runtime.StartupEvent;

/**
 * Bounds the size of GraphQL documents before they are parsed: quarkus.smallrye-graphql.parser-max-tokens does not reach
 * the parser in this version, the parser's defaults do.
 */
@ApplicationScoped
class GraphQLParserLimits {

    void apply(@Observes StartupEvent start,
            @ConfigProperty(name = "storefront.graphql.max-tokens", defaultValue = "15000") int maxTokens,
            @ConfigProperty(name = "storefront.graphql.max-characters", defaultValue = "1000000") int maxCharacters) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions().transform(
                options -> options.maxTokens(maxTokens).maxCharacters(maxCharacters)));
    }
}
