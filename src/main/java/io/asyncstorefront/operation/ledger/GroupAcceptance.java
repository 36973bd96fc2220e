package io.asyncstorefront.operation.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.operation.command.CommandEnvelope;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Accepting in asynchronous mode: records groups of operations, whose commands the processor applies later, on pooled
 * connections (no Hibernate session: a group is one statement, and nothing else runs in its transaction).
 */
@ApplicationScoped
public class GroupAcceptance {

    /*
     * The same for a group of operations, in one statement and one commit: each aggregate's counter grows by the number
     * of the group's operations that change it, and those operations take its numbers in group order; an operation that
     * reads an aggregate counts the changes before it, the group's own included. $1..$3: the operations' ids, types and
     * payloads; $4, $5, $8: one entry per (operation, aggregate), the operation's index (1-based), the aggregate key and
     * whether the operation only reads it, operations in group order; $6: the relay's grace in seconds; $7: the
     * operations' preceding steps; $9: the traceparents of the requests that asked for them.
     */
    private static final String ACCEPT_GROUP = """
            with entries as (
                select e.op, e.aggregate_key, e.reads,
                       count(*) filter (where not e.reads) over (partition by e.aggregate_key order by e.ord) as changes_so_far
                from unnest($4::int[], $5::varchar[], $8::boolean[]) with ordinality as e(op, aggregate_key, reads, ord)),
            counts as (
                select aggregate_key, count(*) as n from entries where not reads group by aggregate_key),
            next as (
                insert into operation_sequence (aggregate_key, last_sequence)
                select aggregate_key, n from counts order by aggregate_key
                on conflict (aggregate_key) do update set last_sequence = operation_sequence.last_sequence + excluded.last_sequence
                returning aggregate_key, last_sequence),
            progress as (
                insert into aggregate_progress (aggregate_key, applied_sequence)
                select next.aggregate_key, 0 from next join counts using (aggregate_key) where next.last_sequence = counts.n
                union select aggregate_key, 0 from entries where reads
                on conflict (aggregate_key) do nothing),
            accepted as (
                insert into operation (id, command_type, payload, status, failed_attempts, accepted_at, next_attempt_at,
                                       preceding_step, trace_parent)
                select o.id, o.type, o.payload, 'ACCEPTED', 0, now(), now() + make_interval(secs => $6), o.preceding_step,
                       o.trace_parent
                from (select count(*) from next) as locked,
                     unnest($1::varchar[], $2::varchar[], $3::text[], $7::varchar[], $9::varchar[])
                         with ordinality as o(id, type, payload, preceding_step, trace_parent, n)
                order by o.n
                returning id),
            placed as (
                insert into operation_aggregate (operation_id, aggregate_key, aggregate_sequence)
                select ($1::varchar[])[e.op], e.aggregate_key, next.last_sequence - counts.n + e.changes_so_far
                from entries e join next using (aggregate_key) join counts using (aggregate_key)
                where not e.reads)
            insert into operation_read (aggregate_key, after_sequence, operation_id)
            select e.aggregate_key,
                   coalesce(next.last_sequence - counts.n, s.last_sequence, 0) + e.changes_so_far, ($1::varchar[])[e.op]
            from entries e left join next using (aggregate_key) left join counts using (aggregate_key)
                 left join operation_sequence s on s.aggregate_key = e.aggregate_key
            where e.reads
            """;

    /*
     * Publishing failed: the relay publishes these commands again after its (short) grace period rather than the long
     * one that accepting gave them. An operation in progress is left alone: its processor holds it.
     */
    private static final String PUBLISH_FAILED = """
            update operation set next_attempt_at = now() + make_interval(secs => $2)
            where id = any($1) and status not in ('IN_PROGRESS', %1$s)
            """.formatted(OperationStatus.FINAL);

    private final OperationsConfig config;
    private final Pool pool;
    private final IdempotencyKeys idempotencyKeys;

    public GroupAcceptance(OperationsConfig config, Pool pool, IdempotencyKeys idempotencyKeys) {
        this.config = config;
        this.pool = pool;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * Records a group of operations durably, in one statement and one commit, and answers what became of each, in group
     * order. An operation under an idempotency key that another took is not recorded; a group with keys takes them in
     * the same transaction. Once this completes, the recorded operations are never lost.
     */
    public Uni<List<Acceptance>> acceptAll(List<NewOperation> operations) {
        List<String> ids = operations.stream().map(operation -> OperationIdentifiers.next()).toList();
        List<IdempotencyKeys.Claimant> claimants = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).idempotency() != null) {
                claimants.add(new IdempotencyKeys.Claimant(operations.get(i).idempotency(), ids.get(i)));
            }
        }
        if (claimants.isEmpty()) {
            return pool.preparedQuery(ACCEPT_GROUP).execute(acceptGroupTuple(operations, ids))
                    .replaceWith(() -> recorded(operations, ids));
        }
        return pool.withTransaction(connection -> idempotencyKeys.claim(connection, claimants).chain(decisions -> {
            List<Acceptance> acceptances = new ArrayList<>(recorded(operations, ids));
            List<NewOperation> toRecord = new ArrayList<>();
            List<String> toRecordIds = new ArrayList<>();
            int claimed = 0;
            for (int i = 0; i < operations.size(); i++) {
                Optional<Acceptance> instead = operations.get(i).idempotency() == null ? Optional.empty()
                        : decisions.get(claimed++);
                if (instead.isPresent()) {
                    acceptances.set(i, instead.get());
                } else {
                    toRecord.add(operations.get(i));
                    toRecordIds.add(ids.get(i));
                }
            }
            if (toRecord.isEmpty()) {
                return Uni.createFrom().item(acceptances);
            }
            return connection.preparedQuery(ACCEPT_GROUP).execute(acceptGroupTuple(toRecord, toRecordIds))
                    .replaceWith(acceptances);
        }));
    }

    /** Publishing failed: the relay publishes these commands again after the (short) grace period. */
    public Uni<Void> recordPublishFailed(Collection<String> operationIds) {
        return pool.preparedQuery(PUBLISH_FAILED)
                .execute(Tuple.of(operationIds.toArray(String[]::new), Seconds.of(config.relay().grace())))
                .replaceWithVoid();
    }

    private static List<Acceptance> recorded(List<NewOperation> operations, List<String> ids) {
        List<Acceptance> recorded = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            NewOperation operation = operations.get(i);
            recorded.add(new Acceptance.Recorded(new CommandEnvelope(ids.get(i), operation.type(),
                    operation.aggregateKeys(), operation.payload())));
        }
        return recorded;
    }

    /** ACCEPT_GROUP's parameters: the operations' columns, and one entry per aggregate each changes or reads. */
    private Tuple acceptGroupTuple(List<NewOperation> operations, List<String> ids) {
        int size = operations.size();
        String[] types = new String[size];
        String[] payloads = new String[size];
        String[] precedingSteps = new String[size];
        String[] traceParents = new String[size];
        List<Integer> entryOperations = new ArrayList<>();
        List<String> entryKeys = new ArrayList<>();
        List<Boolean> entryReads = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NewOperation operation = operations.get(i);
            types[i] = operation.type();
            payloads[i] = operation.payload().toString();
            precedingSteps[i] = operation.precedingStep();
            traceParents[i] = operation.traceParent();
            for (String key : operation.aggregateKeys()) {
                entryOperations.add(i + 1);
                entryKeys.add(key);
                entryReads.add(false);
            }
            for (String key : operation.readKeys()) {
                entryOperations.add(i + 1);
                entryKeys.add(key);
                entryReads.add(true);
            }
        }
        return Tuple.tuple(List.of(ids.toArray(String[]::new), types, payloads, entryOperations.toArray(Integer[]::new),
                entryKeys.toArray(String[]::new), Seconds.of(config.relay().queuedGrace()), precedingSteps,
                entryReads.toArray(Boolean[]::new), traceParents));
    }
}
