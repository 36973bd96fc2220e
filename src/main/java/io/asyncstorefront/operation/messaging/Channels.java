package io.asyncstorefront.operation.messaging;

/** Messaging channel names, shared by code, configuration and tests. */
public final class Channels {

    /** Accepted commands on their way to the broker: the publisher's link. */
    public static final String COMMANDS_OUT = "commands-out";

    /** Accepted commands on their way from the broker to the processor: a messaging channel. */
    public static final String COMMANDS_IN = "commands-in";

    /** The broker address of commands, shared by the publisher and the processor's channel. */
    public static final String COMMANDS_ADDRESS_PROPERTY = "mp.messaging.incoming." + COMMANDS_IN + ".address";

    /** The link capabilities that make the command address a queue. */
    public static final String COMMANDS_CAPABILITIES_PROPERTY = "mp.messaging.incoming." + COMMANDS_IN + ".capabilities";

    /** Whether this instance runs the processor. */
    public static final String COMMANDS_IN_ENABLED_PROPERTY = "mp.messaging.incoming." + COMMANDS_IN + ".enabled";

    private Channels() {
    }
}
