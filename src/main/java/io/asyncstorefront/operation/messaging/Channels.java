package io.asyncstorefront.operation.messaging;

/** Messaging channel names, shared by code, configuration and tests. */
public final class Channels {

    /** Accepted commands on their way to the broker. */
    public static final String COMMANDS_OUT = "commands-out";

    /** Accepted commands on their way from the broker to the processor. */
    public static final String COMMANDS_IN = "commands-in";

    private Channels() {
    }
}
