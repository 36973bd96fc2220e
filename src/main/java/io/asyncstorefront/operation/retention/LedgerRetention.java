package io.asyncstorefront.operation.retention;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.LedgerPartitions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Keeps the ledger bounded: creates its partitions ahead of the time they hold, forgets the partitions whose operations
 * are past {@code operations.retention.period}, and deletes expired rows of the default partition a bounded number at a
 * time. Runs on every instance, whatever its role; instances take turns in the database.
 */
@ApplicationScoped
public class LedgerRetention {

    private static final Logger LOG = Logger.getLogger(LedgerRetention.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final LedgerPartitions partitions;
    private final OperationsConfig.Retention config;

    public LedgerRetention(LedgerPartitions partitions, OperationsConfig config) {
        this.partitions = partitions;
        this.config = config.retention();
        // Partitions are named by the second they start at.
        if (this.config.partitionSpan().compareTo(Duration.ofSeconds(1)) < 0
                || this.config.partitionSpan().toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("operations.retention.partition-span must be whole seconds, at least 1s");
        }
    }

    @Scheduled(every = "${operations.retention.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        Instant now = Instant.now();
        Duration span = config.partitionSpan();
        // Enough partitions ahead that the next runs find the time they hold covered, however the two settings compare.
        Duration ahead = span.plus(span.compareTo(config.interval().multipliedBy(2)) > 0 ? span
                : config.interval().multipliedBy(2));
        Instant expired = now.minus(config.period());
        // A new partition starts no sooner than the next run: the rows written until then go where they are routed now.
        return partitions.createUntil(now.plus(ahead), span, config.interval(), config.lockTimeout())
                .invoke(created -> LOG.debugf("Created %d ledger partitions ahead", created))
                .chain(partitions::dropDetached)
                .chain(() -> forgetPartitions(expired))
                .chain(() -> partitions.forgetFromDefault(expired, config.period(), config.deadLetterPeriod(),
                        config.defaultBatchSize()))
                .invoke(forgotten -> {
                    if (forgotten > 0) {
                        LOG.debugf("Forgot %d operations of the default partition", forgotten);
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState())) {
                        LOG.debugf("The ledger was busy for %s; the next run forgets the expired partition",
                                config.lockTimeout());
                    } else {
                        LOG.warnf("Retention did not complete; the next run tries again: %s", failure.toString());
                    }
                    return null;
                });
    }

    /** Forgets expired partitions, oldest first, one transaction each. */
    private Uni<Void> forgetPartitions(Instant expired) {
        return partitions.forgetOldest(expired, config.deadLetterPeriod(), config.lockTimeout())
                .chain(forgotten -> {
                    if (forgotten.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    LedgerPartitions.Forgotten it = forgotten.get();
                    LOG.infof("Forgot the ledger partition of operations issued from %s to %s in %d ms, holding the"
                            + " ledger for %d ms; kept %d of its operations", it.partition().from(), it.partition().to(),
                            it.took().toMillis(), it.held().toMillis(), it.kept());
                    return forgetPartitions(expired);
                });
    }
}
