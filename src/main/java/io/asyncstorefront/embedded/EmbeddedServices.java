package io.asyncstorefront.embedded;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.server.ActiveMQServer;

/** Starts the embedded servers for code outside the application, such as tests that run the packaged service. */
public final class EmbeddedServices {

    private EmbeddedServices() {
    }

    /** A PostgreSQL server on 127.0.0.1:port, database and user postgres. */
    public static void postgres(int port, Path dataDirectory) {
        EmbeddedPostgresServer.ensureRunning(port, dataDirectory, true);
    }

    /** An AMQP 1.0 broker on 127.0.0.1:port that accepts anonymous connections. */
    public static void artemis(int port, Path directory) {
        EmbeddedArtemisServer.ensureRunning(port, directory, true);
    }

    /** The same broker started on the journal that an earlier one left, as a broker restarted after a crash. */
    public static void artemisOnItsJournal(int port, Path directory) {
        EmbeddedArtemisServer.ensureRunning(port, directory, false);
    }

    /** The broker that {@link #artemis} started on the port, for tests that change or inspect its configuration. */
    public static ActiveMQServer artemisServer(int port) {
        return EmbeddedArtemisServer.server(port);
    }

    /** Stops the broker on the port; its journal stays where it was. */
    public static void stopArtemis(int port) {
        EmbeddedArtemisServer.stop(port);
    }

    /** Starts the broker on the port again, with its journal removed: every address and message is gone. */
    public static void restartArtemisEmpty(int port, Path directory) {
        EmbeddedArtemisServer.stop(port);
        EmbeddedArtemisServer.ensureRunning(port, directory, true);
    }
}
