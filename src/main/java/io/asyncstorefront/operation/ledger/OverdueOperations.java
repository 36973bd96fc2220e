package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay's statements: the ledger is also the outbox of the commands, and an operation that is not final when its
 * grace period ends has its command published again. Each is one statement on a pooled connection, as they run every
 * relay interval.
 */
@ApplicationScoped
public class OverdueOperations {

    /*
     * Rows that another instance's relay has locked are skipped, so each overdue command is claimed once; a claimed row
     * is leased for one more grace period. $1: the most rows to claim; $2: the grace in seconds.
     */
    private static final String CLAIM_OVERDUE = """
            update operation o set next_attempt_at = now() + make_interval(secs => $2)
            from (select id from operation
                  where status in ('ACCEPTED', 'IN_PROGRESS') and next_attempt_at <= now()
                  order by next_attempt_at
                  limit $1
                  for update skip locked) as overdue
            where o.id = overdue.id
            returning o.id
            """;

    /*
     * Only a publish that the broker acknowledged counts; the next one is pushed back twice as far each time, up to
     * 2^MAX_BACKOFF_DOUBLINGS grace periods, so that a long outage of the processor does not fill the broker with
     * copies. $1: the identifiers; $2: the grace in seconds; $3: the most doublings.
     */
    private static final String RECORD_REPUBLISHED = """
            update operation
            set republished = republished + 1,
                next_attempt_at = now() + make_interval(secs => $2 * power(2, least(republished + 1, $3)))
            where id = any($1) and status not in (%1$s)
            """.formatted(OperationStatus.FINAL);

    private static final int MAX_BACKOFF_DOUBLINGS = 6;

    /* The processing lag for the metrics: reads only unfinished operations (a partial index), few while processing keeps up. */
    private static final String OLDEST_UNFINISHED = """
            select coalesce(cast(1000 * extract(epoch from now() - min(accepted_at)) as bigint), 0)
            from operation where status in ('ACCEPTED', 'IN_PROGRESS')
            """;

    private final OperationsConfig config;
    private final Pool pool;

    public OverdueOperations(OperationsConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    /**
     * Claims unfinished operations whose grace period has passed, for the relay to publish again: each is leased for
     * one more grace period, so that another relay does not take it meanwhile. Only a publish that the broker
     * acknowledged counts ({@link #recordRepublished}); the others come back after the lease.
     */
    public Uni<List<String>> claimOverdue() {
        return pool.preparedQuery(CLAIM_OVERDUE)
                .execute(Tuple.of(config.relay().batchSize(), Seconds.of(config.relay().grace())))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** Counts a republish that the broker acknowledged and pushes the next one back. */
    public Uni<Integer> recordRepublished(List<String> operationIds) {
        if (operationIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery(RECORD_REPUBLISHED)
                .execute(Tuple.of(operationIds.toArray(String[]::new), Seconds.of(config.relay().queuedGrace()),
                        MAX_BACKOFF_DOUBLINGS))
                .map(rows -> rows.rowCount());
    }

    /** How long the oldest unfinished operation has waited; zero when none is. */
    public Uni<Duration> oldestUnfinishedAge() {
        return pool.query(OLDEST_UNFINISHED).execute().map(rows -> Duration.ofMillis(rows.iterator().next().getLong(0)));
    }
}
