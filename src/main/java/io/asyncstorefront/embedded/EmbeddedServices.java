package io.asyncstorefront.embedded;

import java.nio.file.Path;

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
}
