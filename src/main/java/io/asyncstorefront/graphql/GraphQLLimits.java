package io.asyncstorefront.graphql;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on a GraphQL request, checked before it is executed; the README lists them. */
@ConfigMapping(prefix = "storefront.graphql")
public interface GraphQLLimits {

    /** The largest request body. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** How deeply the request's JSON may nest objects and arrays. */
    @WithDefault("32")
    int maxJsonDepth();

    /** The most digits a number in the request's JSON may have. */
    @WithDefault("50")
    int maxNumberLength();

    /** The most characters a document may have. */
    @WithDefault("100000")
    int maxCharacters();

    /** The most tokens (names, punctuation, values) a document may have. */
    @WithDefault("15000")
    int maxTokens();

    /** How deeply fields may nest in an operation; introspection fields are not counted. */
    @WithDefault("12")
    int maxDepth();

    /** The most fields an operation may select, counting each fragment wherever it is spread; introspection exempt. */
    @WithDefault("1000")
    int maxComplexity();

    /** The most aliases a document may use. */
    @WithDefault("30")
    int maxAliases();

    /** The most top-level mutation fields one operation may have. */
    @WithDefault("10")
    int maxRootMutationFields();

    /** GraphQL over WebSocket (SubscriptionSocket); the README lists these limits with the close codes. */
    WebSocket websocket();

    interface WebSocket {

        /** The most subscriptions one connection runs at once; one more is answered with an error. */
        @WithDefault("100")
        int maxSubscriptions();

        /** The most connections one instance holds; one more is refused at its handshake with 503. */
        @WithDefault("10000")
        int maxConnections();

        /** How long a connection may take to send connection_init before it is closed with 4408. */
        @WithDefault("10s")
        Duration initTimeout();

        /**
         * How many messages may wait to be sent to one connection: a client that reads more slowly than its subscriptions
         * produce is closed with 4413 rather than kept in memory.
         */
        @WithDefault("1000")
        int maxPendingMessages();
    }
}
