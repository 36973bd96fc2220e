package io.asyncstorefront.operation.dispatch;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.IdempotencyKeys;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Forgets idempotency keys past their window, a bounded number per run, on the instances that accept mutations. Two
 * instances running it at once delete disjoint or already deleted rows.
 */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;
    private final OperationsConfig config;

    public IdempotencyKeyCleanup(IdempotencyKeys keys, OperationsConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(every = "${operations.idempotency.cleanup-interval}", delayed = "${operations.idempotency.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> forgetExpired() {
        if (!config.role().accepts()) {
            return Uni.createFrom().voidItem();
        }
        return keys.forgetExpired().invoke(forgotten -> {
            if (forgotten > 0) {
                LOG.debugf("Forgot %d idempotency keys past their window", forgotten);
            }
        }).replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Expired idempotency keys could not be forgotten; the next run tries again: %s",
                    failure.toString());
            return null;
        });
    }
}
