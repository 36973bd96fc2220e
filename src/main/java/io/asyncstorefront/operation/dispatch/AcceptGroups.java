package io.asyncstorefront.operation.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.Acceptance;
import io.asyncstorefront.operation.ledger.GroupAcceptance;
import io.asyncstorefront.operation.ledger.NewOperation;
import io.asyncstorefront.operation.messaging.CommandNotice;
import io.asyncstorefront.operation.messaging.CommandPublisher;
import io.asyncstorefront.operation.trace.OperationTraces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Group commit of accepted operations: concurrent requests wait at most operations.accept.group-wait for each other,
 * then up to group-size of them are written by one statement and one commit ({@link GroupAcceptance#acceptAll}). Each
 * request is answered once its group is committed, on its own Vert.x context: from then on the ledger holds the
 * operation. One message then tells the processor about the whole group; should the broker not take it, the relay
 * publishes the group's operations again after the short grace. While as many groups as operations.accept.concurrency
 * are being committed, new requests gather into the next group, so that the group grows with the load instead of the
 * queue of commits.
 */
@ApplicationScoped
public class AcceptGroups {

    private static final Logger LOG = Logger.getLogger(AcceptGroups.class);

    private final GroupAcceptance ledger;
    private final CommandPublisher publisher;
    private final OperationsConfig config;
    private final Vertx vertx;
    private final OperationTraces traces;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int committing;
    private boolean timerSet;

    public AcceptGroups(GroupAcceptance ledger, CommandPublisher publisher, OperationsConfig config, Vertx vertx,
            OperationTraces traces) {
        this.traces = traces;
        this.ledger = ledger;
        this.publisher = publisher;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Records the operation durably with others of its group, unless its idempotency key names another; once this
     * completes, a recorded operation is never lost.
     */
    public Uni<Acceptance> accept(NewOperation operation) {
        return Uni.createFrom().emitter(emitter -> enqueue(new Waiting(operation, emitter, Vertx.currentContext())));
    }

    private void enqueue(Waiting request) {
        boolean full;
        synchronized (this) {
            waiting.add(request);
            full = waiting.size() >= config.accept().groupSize();
            if (!full && !timerSet) {
                timerSet = true;
                vertx.setTimer(Math.max(1, config.accept().groupWait().toMillis()), timer -> {
                    synchronized (this) {
                        timerSet = false;
                    }
                    commitNext();
                });
            }
        }
        if (full) {
            commitNext();
        }
    }

    private void commitNext() {
        List<Waiting> group = new ArrayList<>();
        synchronized (this) {
            if (waiting.isEmpty() || committing >= config.accept().concurrency()) {
                return;
            }
            while (!waiting.isEmpty() && group.size() < config.accept().groupSize()) {
                group.add(waiting.poll());
            }
            committing++;
        }
        List<NewOperation> operations = group.stream().map(Waiting::operation).toList();
        Span span = traces.startLinked("accept group", SpanKind.INTERNAL, operations.size(),
                operations.stream().map(NewOperation::traceParent).toList());
        ledger.acceptAll(operations).subscribe().with(acceptances -> {
            span.end();
            for (int i = 0; i < group.size(); i++) {
                group.get(i).complete(acceptances.get(i));
            }
            committed();
            List<String> recorded = new ArrayList<>();
            List<String> recordedTraces = new ArrayList<>();
            for (int i = 0; i < acceptances.size(); i++) {
                if (acceptances.get(i) instanceof Acceptance.Recorded accepted) {
                    recorded.add(accepted.envelope().operationId());
                    recordedTraces.add(operations.get(i).traceParent());
                }
            }
            if (!recorded.isEmpty()) {
                publish(new CommandNotice(recorded, recordedTraces), traces.traceParentOf(span));
            }
        }, failure -> {
            span.setStatus(StatusCode.ERROR, failure.toString());
            span.end();
            group.forEach(request -> request.fail(failure));
            committed();
        });
    }

    /** Publishes operations taken up again, whose traces are not at hand. */
    void publish(List<String> operationIds) {
        publish(new CommandNotice(operationIds), null);
    }

    /** Publishes the operations for the processor; a refusal shortens the relay's grace for them. */
    private void publish(CommandNotice notice, String traceParent) {
        List<String> operationIds = notice.operationIds();
        publisher.publish(notice, traceParent)
                .chain(published -> published ? Uni.createFrom().voidItem() : ledger.recordPublishFailed(operationIds))
                .subscribe().with(ignored -> {
                }, failure -> LOG.warnf("Could not shorten the relay's grace for %d unpublished operations: %s",
                        operationIds.size(), failure.toString()));
    }

    private void committed() {
        synchronized (this) {
            committing--;
        }
        commitNext();
    }

    private record Waiting(NewOperation operation, UniEmitter<? super Acceptance> emitter, Context context) {

        void complete(Acceptance acceptance) {
            run(() -> emitter.complete(acceptance));
        }

        void fail(Throwable failure) {
            run(() -> emitter.fail(failure));
        }

        private void run(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }
}
