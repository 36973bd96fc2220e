package io.asyncstorefront.operation.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Taking dead letters up again (retryOperations), on a pooled connection: the retried operations are handed to the
 * relay and the processor as if new, so nothing else runs in the transaction.
 */
@ApplicationScoped
public class DeadLetterRetries {

    /* Failed operations whose attempts ran out, locked in acceptance order, so that each is taken up again once. */
    private static final String RETRIABLE = """
            select o.id, o.command_type, o.payload from operation o join operation_dead_letter d on d.operation_id = o.id
            where o.id = any($1) and o.status = 'FAILED'
            order by o.accepted_sequence
            for update of o
            """;

    /*
     * A retried operation goes to the end of each of its aggregates' order, as if accepted now, and reads again what its
     * command reads ($2), after the changes accepted so far: once per aggregate, as nothing in operation_read rejects a
     * duplicate (V16); its earlier reads were deleted when it failed (FailedAttempts).
     */
    private static final String REQUEUE = """
            with bumped as (
                update operation_sequence s set last_sequence = s.last_sequence + 1
                from operation_aggregate a
                where a.operation_id = $1 and s.aggregate_key = a.aggregate_key
                returning s.aggregate_key, s.last_sequence),
            moved as (
                update operation_aggregate a set aggregate_sequence = b.last_sequence
                from bumped b
                where a.operation_id = $1 and a.aggregate_key = b.aggregate_key),
            progress as (
                insert into aggregate_progress (aggregate_key, applied_sequence)
                select key, 0 from unnest($2::varchar[]) as key
                on conflict (aggregate_key) do nothing)
            insert into operation_read (aggregate_key, after_sequence, operation_id)
            select key, coalesce((select s.last_sequence from operation_sequence s where s.aggregate_key = key), 0), $1
            from (select distinct key from unnest($2::varchar[]) as key) as keys
            """;

    /* Accepted again with its attempts counted afresh; the relay republishes it after $2 ms if the caller's publish is lost. */
    private static final String REOPEN = """
            update operation set status = 'ACCEPTED', result = null, finished_at = null, failed_attempts = 0,
                                 last_error = null, next_attempt_at = now() + $2 * interval '1 millisecond'
            where id = any($1)
            """;

    /* A retried operation is no dead letter any more: a second retry finds nothing to take up until it fails again. */
    private static final String FORGET_DEAD_LETTERS = """
            delete from operation_dead_letter where operation_id = any($1)
            """;

    private final OperationsConfig config;
    private final Pool pool;

    public DeadLetterRetries(OperationsConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** What the command of a stored operation reads, for a retry to wait for it again. */
    @FunctionalInterface
    public interface ReadKeys {
        Collection<String> of(String commandType, String payload);
    }

    /**
     * Takes up again, under the same identifiers, the given operations that failed because their attempts ran out:
     * each is ordered after everything its aggregates accepted so far, and answered by the processor as if new.
     * Answers the identifiers it took up; the others are left as they are.
     */
    public Uni<List<String>> retry(List<String> identifiers, ReadKeys readKeys) {
        String[] wellFormed = identifiers.stream().filter(OperationIdentifiers::isWellFormed).distinct()
                .toArray(String[]::new);
        if (wellFormed.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(connection -> connection.preparedQuery(RETRIABLE).execute(Tuple.of(wellFormed))
                .chain(rows -> {
                    List<String> retried = new ArrayList<>();
                    Map<String, String[]> reads = new HashMap<>();
                    rows.forEach(row -> {
                        retried.add(row.getString(0));
                        reads.put(row.getString(0), readKeys.of(row.getString(1), row.getString(2))
                                .toArray(String[]::new));
                    });
                    if (retried.isEmpty()) {
                        return Uni.createFrom().item(retried);
                    }
                    String[] ids = retried.toArray(String[]::new);
                    Uni<Void> requeued = Uni.createFrom().voidItem();
                    for (String id : retried) {
                        requeued = requeued.chain(() -> connection.preparedQuery(REQUEUE).execute(Tuple.of(id, reads.get(id)))
                                .replaceWithVoid());
                    }
                    return requeued
                            .chain(() -> connection.preparedQuery(REOPEN)
                                    .execute(Tuple.of(ids, config.relay().grace().toMillis())))
                            .chain(() -> connection.preparedQuery(FORGET_DEAD_LETTERS).execute(Tuple.of(ids)))
                            .replaceWith(retried);
                }));
    }
}
