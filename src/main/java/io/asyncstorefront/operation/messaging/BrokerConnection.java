package io.asyncstorefront.operation.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.mutiny.amqp.AmqpClient;
import io.vertx.mutiny.amqp.AmqpConnection;
import io.vertx.mutiny.core.Vertx;

/**
 * A connection to the broker, opened on first use and again after it was lost, for the links that the service manages
 * itself: the command publisher and the readiness probe. Configured by the same amqp-* properties as the processor's
 * channel.
 */
@ApplicationScoped
public class BrokerConnection {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final AmqpClient client;
    private Uni<AmqpConnection> connection;

    public BrokerConnection(Vertx vertx,
            @ConfigProperty(name = "amqp-host") String host,
            @ConfigProperty(name = "amqp-port", defaultValue = "5672") int port,
            @ConfigProperty(name = "amqp-username") Optional<String> username,
            @ConfigProperty(name = "amqp-password") Optional<String> password) {
        AmqpClientOptions options = new AmqpClientOptions().setHost(host).setPort(port)
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        username.ifPresent(options::setUsername);
        password.ifPresent(options::setPassword);
        this.client = AmqpClient.create(vertx, options);
    }

    /** The open connection: concurrent callers share one attempt to connect; a lost connection is replaced. */
    public Uni<AmqpConnection> get() {
        Uni<AmqpConnection> attempt = attempt();
        return attempt.onFailure().invoke(failure -> drop(attempt)).chain(opened -> {
            if (!opened.isDisconnected()) {
                return Uni.createFrom().item(opened);
            }
            drop(attempt);
            return attempt();
        });
    }

    private synchronized Uni<AmqpConnection> attempt() {
        if (connection == null) {
            // A broker that takes the TCP connection but never answers the AMQP open (one still starting, say) must not
            // hold every later publish on this attempt: it fails, the next caller tries again, and a connection that
            // opens after all is closed, since no one holds it.
            connection = Uni.createFrom().<AmqpConnection> emitter(emitter -> {
                AtomicBoolean abandoned = new AtomicBoolean();
                emitter.onTermination(() -> abandoned.set(true));
                client.connect().subscribe().with(opened -> {
                    if (abandoned.get()) {
                        opened.closeAndForget();
                    } else {
                        emitter.complete(opened);
                    }
                }, emitter::fail);
            }).ifNoItem().after(CONNECT_TIMEOUT.multipliedBy(2)).fail().memoize().indefinitely();
        }
        return connection;
    }

    private synchronized void drop(Uni<AmqpConnection> attempt) {
        if (connection == attempt) {
            connection = null;
        }
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
