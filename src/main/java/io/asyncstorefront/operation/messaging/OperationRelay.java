package io.asyncstorefront.operation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.asyncstorefront.operation.ledger.OverdueOperations;
import io.asyncstorefront.operation.metrics.OperationMetrics;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Publishes again the commands of operations that are still unfinished after their grace period: those whose publish
 * was lost (a crash between commit and publish, a broker outage) and those whose processing failed.
 */
@ApplicationScoped
public class OperationRelay {

    private static final Logger LOG = Logger.getLogger(OperationRelay.class);

    private final OverdueOperations overdue;
    private final CommandPublisher publisher;
    private final OperationMetrics metrics;

    public OperationRelay(OverdueOperations overdue, CommandPublisher publisher, OperationMetrics metrics) {
        this.overdue = overdue;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Scheduled(every = "${operations.relay.interval}", delayed = "${operations.relay.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> republishOverdue() {
        return overdue.claimOverdue()
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return publisher.publish(ids).chain(published -> {
                        if (!published) {
                            // The publisher says once that the broker is away; a line per run would repeat it.
                            return Uni.createFrom().voidItem();
                        }
                        LOG.infof("Republished %d overdue commands", ids.size());
                        metrics.republished(ids.size());
                        return overdue.recordRepublished(ids).replaceWithVoid();
                    });
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The relay run failed and is retried at the next interval: %s", failure.toString());
                    return null;
                });
    }

    @Scheduled(every = "${operations.relay.lag-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> measureLag() {
        return overdue.oldestUnfinishedAge().invoke(metrics::lag).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The processing lag could not be measured: %s", failure.toString());
                    return null;
                });
    }
}
