package io.asyncstorefront.graphql;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on GraphQL over WebSocket (SubscriptionSocket); the README lists them with the close codes. */
@ConfigMapping(prefix = "storefront.graphql.websocket")
public interface WebSocketLimits {

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
