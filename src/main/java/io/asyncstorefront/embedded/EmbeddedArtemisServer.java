package io.asyncstorefront.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.jboss.logging.Logger;

/**
 * An Apache ActiveMQ Artemis broker in this JVM, speaking AMQP 1.0 on loopback, with a persistent journal and the
 * address settings of a stock Artemis installation (auto-creation on, multicast by default), so that the service is
 * tested against the defaults it meets in production.
 */
final class EmbeddedArtemisServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedArtemisServer.class);

    private static final Map<Integer, EmbeddedActiveMQ> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedArtemisServer() {
    }

    static synchronized void ensureRunning(int port, Path directory, boolean fresh) {
        if (Ports.isListening(port)) {
            return;
        }
        try {
            if (fresh) {
                deleteRecursively(directory);
            }
            LOG.infof("Starting embedded Artemis (AMQP) on port %d, journal in %s", port, directory);
            Configuration configuration = new ConfigurationImpl()
                    .setName("embedded")
                    .setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(directory.resolve("journal").toString())
                    .setBindingsDirectory(directory.resolve("bindings").toString())
                    .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                    .setPagingDirectory(directory.resolve("paging").toString())
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setMaxDiskUsage(-1)
                    .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                    .addAddressSetting("#", new AddressSettings()
                            .setAutoCreateAddresses(true)
                            .setAutoCreateQueues(true)
                            .setAutoDeleteQueues(false)
                            .setAutoDeleteAddresses(false)
                            .setDeadLetterAddress(SimpleString.of("DLQ"))
                            .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
            RUNNING.put(port, broker);
            // No shutdown hook stops it: hooks run side by side with Quarkus's own, and a broker stopped there cut the
            // messaging client's connection before the application had closed it (ERROR lines at every dev-mode exit).
            // The journal is synced on every durable send, so ending with the JVM loses nothing.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Artemis on port " + port, e);
        }
    }

    /** The running broker on the port, started by this JVM. */
    static ActiveMQServer server(int port) {
        EmbeddedActiveMQ broker = RUNNING.get(port);
        if (broker == null) {
            throw new IllegalStateException("No embedded Artemis runs on port " + port);
        }
        return broker.getActiveMQServer();
    }

    static synchronized void stop(int port) {
        EmbeddedActiveMQ broker = RUNNING.remove(port);
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            LOG.warn("Could not stop the embedded Artemis", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
