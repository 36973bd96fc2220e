package io.asyncstorefront.operation.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.operation.trace.OperationTraces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Takes command notices from the broker in batches and hands each batch to the processor, up to
 * operations.processing.concurrency batches at once. A batch leaves when it names batch-size operations, when batch-wait
 * has passed since its first message, or as soon as a running batch is done: under load batches fill up while others
 * are applied. The consumer asks the broker for at most batch-size messages per running and next batch, and settles a
 * batch's messages after the transaction that applied it. A message is only a wake-up call: the ledger holds the
 * commands. On shutdown no batch starts, and the running ones commit and settle before the broker connection closes.
 */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final OperationProcessor processor;
    private final OperationTraces traces;
    private final OperationsConfig config;
    private final Vertx vertx;
    private final boolean enabled;
    private final Instance<Multi<Message<JsonObject>>> commands;
    private volatile Batches batches;

    public CommandConsumer(OperationProcessor processor, OperationsConfig config, Vertx vertx, OperationTraces traces,
            @ConfigProperty(name = Channels.COMMANDS_IN_ENABLED_PROPERTY) boolean enabled,
            @Channel(Channels.COMMANDS_IN) Instance<Multi<Message<JsonObject>>> commands) {
        this.processor = processor;
        this.traces = traces;
        this.config = config;
        this.vertx = vertx;
        this.enabled = enabled;
        this.commands = commands;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.info("The command processor is off on this instance");
            return;
        }
        batches = new Batches();
        commands.get().subscribe().withSubscriber(batches);
    }

    /*
     * Before the connector closes its link (it does when the application scope ends, after this event): a batch cut off
     * would be applied again from its redelivered messages, which is safe but wasted work. What is still unsettled when
     * the link closes goes back to the broker, which hands it to another instance.
     */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        if (batches == null) {
            return;
        }
        if (batches.drain(config.processing().drainTimeout())) {
            LOG.info("The processor stopped taking commands; its running batches committed");
        } else {
            LOG.warnf("Batches were still running after %s; their messages go back to the broker",
                    config.processing().drainTimeout());
        }
    }

    private Uni<Void> process(List<Notice> notices) {
        List<Message<JsonObject>> messages = notices.stream().map(Notice::message).toList();
        List<String> ids = notices.stream().flatMap(notice -> notice.operationIds().stream()).distinct().toList();
        // The batch's span links the trace of each operation and of each accept group that published it.
        Span span = traces.startLinked("process batch", SpanKind.CONSUMER, ids.size(),
                notices.stream().flatMap(notice -> notice.traceParents().stream()).toList());
        Uni<Void> applied = ids.isEmpty() ? Uni.createFrom().voidItem()
                : onNewContext(span, () -> processor.process(ids));
        return applied.chain(() -> Uni.createFrom().completionStage(CompletableFuture.allOf(
                messages.stream().map(message -> message.ack().toCompletableFuture()).toArray(CompletableFuture[]::new))))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    span.setStatus(StatusCode.ERROR, failure.toString());
                    LOG.warnf("Could not settle a batch of %d messages: %s", messages.size(), failure.toString());
                    return null;
                })
                .eventually(() -> span.end());
    }

    /**
     * Hibernate Reactive needs a safe Vert.x context of its own for each unit of work; the batch's span is current on
     * it, for what the batch logs and for the spans of its statements. The context ends with the batch, so the span is
     * never detached from it.
     */
    private Uni<Void> onNewContext(Span span, Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            io.opentelemetry.context.Context.current().with(span).makeCurrent();
            work.get().subscribe().with(emitter::complete, emitter::fail);
        }));
    }

    /**
     * A message, the operations it names, and the traces it carries: the accept group's (its application property
     * "traceparent") and each operation's.
     */
    private record Notice(Message<JsonObject> message, List<String> operationIds, List<String> traceParents) {

        static Notice of(Message<JsonObject> message) {
            List<String> ids = CommandNotice.idsIn(message.getPayload());
            if (ids.isEmpty()) {
                // Nothing can apply it; the ledger, not the message, is the record of the operations.
                LOG.error("Dropping an unreadable command message");
            }
            List<String> traceParents = new ArrayList<>(CommandNotice.traceParentsIn(message.getPayload()));
            message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getProperties)
                    .map(properties -> properties.getValue(OperationTraces.TRACE_PARENT))
                    .filter(String.class::isInstance).ifPresent(group -> traceParents.add((String) group));
            return new Notice(message, ids, traceParents);
        }

        /** What the notice weighs in a batch: an unreadable one still has to be settled. */
        int weight() {
            return Math.max(1, operationIds.size());
        }
    }

    /** Gathers messages into batches and runs them, with demand bounded by what the batches can hold. */
    private final class Batches implements MultiSubscriber<Message<JsonObject>> {

        private final int size = config.processing().batchSize();
        private final int concurrency = config.processing().concurrency();
        private Flow.Subscription subscription;
        private final ArrayDeque<Notice> pending = new ArrayDeque<>();
        private int pendingOperations;
        private int running;
        private boolean waited;
        private boolean timerSet;
        private boolean stopping;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request((long) size * (concurrency + 1));
        }

        @Override
        public synchronized void onItem(Message<JsonObject> message) {
            Notice notice = Notice.of(message);
            pending.add(notice);
            pendingOperations += notice.weight();
            if (pendingOperations >= size) {
                dispatch();
            } else if (!timerSet) {
                timerSet = true;
                vertx.setTimer(Math.max(1, config.processing().batchWait().toMillis()), timer -> waited());
            }
        }

        private synchronized void waited() {
            timerSet = false;
            waited = true;
            dispatch();
        }

        private synchronized void done(int messages) {
            running--;
            if (stopping) {
                notifyAll();
                return;
            }
            subscription.request(messages);
            waited = true;
            dispatch();
        }

        /** Starts no further batch and waits for the running ones; answers whether they all finished in time. */
        synchronized boolean drain(Duration timeout) {
            stopping = true;
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                for (long left = timeout.toNanos(); running > 0 && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return running == 0;
        }

        /** Starts batches while a slot is free and a batch is full or has waited long enough. */
        private void dispatch() {
            while (!stopping && running < concurrency && !pending.isEmpty() && (waited || pendingOperations >= size)) {
                List<Notice> batch = new ArrayList<>();
                int operations = 0;
                while (!pending.isEmpty() && operations < size) {
                    Notice notice = pending.poll();
                    batch.add(notice);
                    operations += notice.weight();
                }
                pendingOperations -= operations;
                running++;
                process(batch).subscribe().with(ignored -> done(batch.size()));
            }
            if (pending.isEmpty()) {
                waited = false;
            }
        }

        @Override
        public void onFailure(Throwable failure) {
            LOG.error("The command stream failed", failure);
        }

        @Override
        public void onCompletion() {
            LOG.info("The command stream ended");
        }
    }
}
