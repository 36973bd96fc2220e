package io.asyncstorefront.operation.messaging;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.trace.OperationTraces;
import io.smallrye.mutiny.Uni;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.amqp.AmqpMessage;
import io.vertx.mutiny.amqp.AmqpMessageBuilder;
import io.vertx.mutiny.amqp.AmqpSender;

/**
 * Publishes accepted commands to the broker over a link of its own that states the routing it needs: the target
 * "commands" with the capability "queue", so that whichever side reaches the broker first creates a queue, never a
 * topic. A message names operations whose commands the ledger holds ({@link CommandNotice}). A publish counts only once
 * the broker has accepted the message; one that fails, is refused or times out is logged and left to the relay, since
 * the commands are already in the ledger. A refused link is attached again on the next publish, so that an operator's
 * fix on the broker takes effect without a restart.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);

    private final BrokerConnection broker;
    private final OperationsConfig config;
    private final String address;
    private final List<String> capabilities;
    private static final long REACHABLE = Long.MIN_VALUE;
    /** When a missed publish first told that the broker is away, or REACHABLE. */
    private final AtomicLong unreachableSince = new AtomicLong(REACHABLE);
    private Uni<AmqpSender> sender;

    public CommandPublisher(BrokerConnection broker, OperationsConfig config,
            @ConfigProperty(name = Channels.COMMANDS_ADDRESS_PROPERTY) String address,
            @ConfigProperty(name = Channels.COMMANDS_CAPABILITIES_PROPERTY) List<String> capabilities) {
        this.broker = broker;
        this.config = config;
        this.address = address;
        this.capabilities = capabilities;
    }

    /**
     * Sends one message naming the operations, and completes with true once the broker has accepted it, with false when
     * it refused it, did not answer in time or could not be reached; never fails.
     */
    public Uni<Boolean> publish(List<String> operationIds) {
        return publish(new CommandNotice(operationIds), null);
    }

    /**
     * The same for a notice that carries its operations' traces, in the trace context {@code traceParent} (a W3C
     * traceparent, or null), which travels as the message's application property "traceparent".
     */
    public Uni<Boolean> publish(CommandNotice notice, String traceParent) {
        List<String> operationIds = notice.operationIds();
        long started = System.nanoTime();
        return Uni.createFrom().deferred(() -> {
            AmqpMessageBuilder builder = AmqpMessage.create()
                    .id(operationIds.get(0))
                    .contentType("application/json")
                    .durable(true)
                    .withJsonObjectAsBody(notice.toJson());
            if (traceParent != null) {
                builder.applicationProperties(new JsonObject().put(OperationTraces.TRACE_PARENT, traceParent));
            }
            AmqpMessage message = builder.build();
            return link(true).chain(open -> open.sendWithAck(message));
        })
                .ifNoItem().after(config.processing().publishTimeout()).fail()
                .replaceWith(true)
                .invoke(() -> reached(started))
                .onFailure().recoverWithItem(failure -> {
                    missed(operationIds, failure);
                    return false;
                });
    }

    /**
     * Logged once per outage: while the broker is away every accept group misses its publish, and a line each would
     * flood the log.
     */
    private void missed(List<String> operationIds, Throwable failure) {
        if (unreachableSince.compareAndSet(REACHABLE, System.nanoTime())) {
            LOG.warnf("The broker did not take %d operations (%s, ...): %s; accepting goes on, and the relay publishes "
                    + "what was missed once the broker takes messages again", operationIds.size(), operationIds.get(0),
                    failure.toString());
        } else {
            LOG.debugf("%d operations (%s, ...) were not published now (%s)", operationIds.size(), operationIds.get(0),
                    failure.toString());
        }
    }

    /** Only a publish begun after the outage was noticed tells that it is over: one in flight before may land late. */
    private void reached(long started) {
        long since = unreachableSince.get();
        if (since != REACHABLE && started - since > 0 && unreachableSince.compareAndSet(since, REACHABLE)) {
            LOG.info("The broker takes messages again");
        }
    }

    /** The sender link, attached on first use and again once it was closed, lost or refused. */
    private Uni<AmqpSender> link(boolean retry) {
        Uni<AmqpSender> current = attached();
        return current.onFailure().invoke(failure -> drop(current)).chain(open -> {
            if (open.connection().isDisconnected() || !open.getDelegate().unwrap().isOpen()) {
                drop(current);
                return retry ? link(false) : Uni.createFrom().failure(new IllegalStateException("The link was closed"));
            }
            return Uni.createFrom().item(open);
        });
    }

    private synchronized Uni<AmqpSender> attached() {
        if (sender == null) {
            sender = broker.get()
                    .chain(connection -> connection.createSender(address, new AmqpSenderOptions()
                            .setLinkName(Channels.COMMANDS_OUT)
                            .setCapabilities(capabilities)))
                    .memoize().indefinitely();
        }
        return sender;
    }

    private synchronized void drop(Uni<AmqpSender> stale) {
        if (sender == stale) {
            sender = null;
        }
    }
}
