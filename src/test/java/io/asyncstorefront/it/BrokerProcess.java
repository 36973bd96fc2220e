package io.asyncstorefront.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.asyncstorefront.embedded.EmbeddedServices;

/**
 * An Artemis broker in a process of its own, so that a test can kill it as a crash would and start it again on its
 * journal.
 */
final class BrokerProcess implements AutoCloseable {

    private final int port;
    private final Path directory;
    private Process process;

    private BrokerProcess(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** A broker with an empty journal, listening once this returns. */
    static BrokerProcess start(int port, Path directory) throws IOException {
        BrokerProcess broker = new BrokerProcess(port, directory);
        broker.launch(true);
        return broker;
    }

    /** Ends the broker at once (SIGKILL): connections drop, nothing is flushed beyond what the journal synced. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the broker again on the journal it left, and waits until it listens. */
    void restart() throws IOException {
        launch(false);
    }

    private void launch(boolean fresh) throws IOException {
        if (listening()) {
            // A broker left over from another run would keep serving, and the test would kill nothing.
            throw new IllegalStateException("Port " + port + " is taken; is a broker of an earlier run still running?");
        }
        Files.createDirectories(directory);
        // A light JVM, so that the broker's start-up takes little CPU from the service that shares the machine with it.
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                BrokerProcess.class.getName(), String.valueOf(port),
                directory.resolve("data").toString(), String.valueOf(fresh)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
                .start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The broker exited with " + process.exitValue());
                }
                return listening();
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The broker process itself: port, directory and whether to start with an empty journal. */
    public static void main(String[] args) throws InterruptedException {
        // Ends with the test's JVM, however that ends.
        ProcessHandle.current().parent().ifPresent(test -> test.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        if (Boolean.parseBoolean(args[2])) {
            EmbeddedServices.artemis(port, data);
        } else {
            EmbeddedServices.artemisOnItsJournal(port, data);
        }
        Thread.currentThread().join();
    }
}
