package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.persistence.JsonRows;
import io.asyncstorefront.persistence.NativeSelects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Accepting in synchronous mode: records one operation within the caller's Hibernate Reactive transaction, in which
 * the processor then applies it, so that the request answers its final state.
 */
@ApplicationScoped
public class InlineAcceptance {

    /*
     * One statement takes the next sequence number of each aggregate the operation changes, then inserts the operation
     * and its place in each aggregate. The counters' row locks, taken in key order and held until commit, make the
     * sequence order of an aggregate its commit order; the operation row is inserted only after they are held (count(*)
     * consumes them all), so accepted_sequence agrees with every aggregate's order. An aggregate the operation only
     * reads gives it no place: it records how many changes of it were committed before (its counter, unlocked, so that
     * readers never wait for each other) and waits for those. The keys travel as JSON text: bound to a jsonb parameter,
     * a string would become a JSON string. Used in sync mode, where the operation is applied in the same transaction:
     * the statement also locks its aggregates' progress rows as LOCK_PROGRESS does (for update where it changes, for
     * share where it reads), answers its place in each aggregate, how far each is applied (null where the progress row
     * is not in its snapshot: then the processor locks it) and whether readers before it are still to apply, and
     * switches the rest of the transaction to index access as PREFER_INDEXES does. An operation that waits for nothing
     * is then applied without reading the ledger: five round trips instead of eight.
     */
    private static final String ACCEPT = """
            with next as (
                insert into operation_sequence (aggregate_key, last_sequence)
                select key, 1 from jsonb_array_elements_text(cast(cast(:aggregateKeys as text) as jsonb)) as key order by key
                on conflict (aggregate_key) do update set last_sequence = operation_sequence.last_sequence + 1
                returning aggregate_key, last_sequence),
            reads as (
                select key as aggregate_key,
                       coalesce((select s.last_sequence from operation_sequence s where s.aggregate_key = key), 0) as after_sequence
                from jsonb_array_elements_text(cast(cast(:readKeys as text) as jsonb)) as key),
            progress as (
                insert into aggregate_progress (aggregate_key, applied_sequence)
                select aggregate_key, 0 from next where last_sequence = 1
                union select aggregate_key, 0 from reads
                on conflict (aggregate_key) do nothing),
            accepted as (
                insert into operation (id, command_type, payload, status, failed_attempts, accepted_at, next_attempt_at,
                                       preceding_step, trace_parent)
                select :id, :type, :payload, 'ACCEPTED', 0, now(), now() + make_interval(secs => :graceSeconds),
                       cast(:precedingStep as varchar), cast(:traceParent as varchar)
                from (select count(*) from next) as locked
                returning id, accepted_sequence),
            placed as (
                insert into operation_aggregate (operation_id, aggregate_key, aggregate_sequence)
                select accepted.id, next.aggregate_key, next.last_sequence from accepted, next
                returning aggregate_key, aggregate_sequence),
            read_placed as (
                insert into operation_read (aggregate_key, after_sequence, operation_id)
                select reads.aggregate_key, reads.after_sequence, accepted.id from accepted, reads),
            progress_locked as (
                select k.aggregate_key, coalesce(x.applied_sequence, s.applied_sequence) as applied_sequence
                from (select aggregate_key, true as exclusive from next
                      union all select aggregate_key, false from reads
                      order by aggregate_key) as k
                left join lateral (select applied_sequence from aggregate_progress p
                                   where p.aggregate_key = k.aggregate_key and k.exclusive for update) as x on true
                left join lateral (select applied_sequence from aggregate_progress p
                                   where p.aggregate_key = k.aggregate_key and not k.exclusive for share) as s on true)
            select cast(json_build_array((select accepted_sequence from accepted),
                       (select coalesce(json_agg(json_build_array(placed.aggregate_key, placed.aggregate_sequence,
                                  case when placed.aggregate_sequence = 1 then 0 else l.applied_sequence end,
                                  exists (select 1 from operation_read d where d.aggregate_key = placed.aggregate_key
                                                                          and d.after_sequence < placed.aggregate_sequence))),
                                  '[]')
                        from placed left join progress_locked l using (aggregate_key)),
                       (select coalesce(json_agg(json_build_array(reads.aggregate_key, reads.after_sequence,
                                  case when reads.after_sequence = 0 then 0 else l.applied_sequence end)), '[]')
                        from reads left join progress_locked l using (aggregate_key)))
                   as text)
            from (select set_config('enable_seqscan', 'off', true)) as index_access
            """;

    private final OperationsConfig config;
    private final JsonRows jsonRows;
    private final IdempotencyKeys idempotencyKeys;

    public InlineAcceptance(OperationsConfig config, JsonRows jsonRows, IdempotencyKeys idempotencyKeys) {
        this.config = config;
        this.jsonRows = jsonRows;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * Records a new operation, within the caller's transaction if there is one, locks the progress of its aggregates
     * and answers the operation as the processor reads it. Once the transaction commits, the operation is never lost.
     */
    @WithTransaction
    public Uni<PlacedOperation> accept(String type, Collection<String> aggregateKeys, Collection<String> readKeys,
            JsonNode payload, String precedingStep) {
        return accept(OperationIdentifiers.next(), type, aggregateKeys, readKeys, payload, precedingStep, null);
    }

    /** The same under an identifier taken before, for an idempotency key to name it. */
    @WithTransaction
    public Uni<PlacedOperation> accept(String id, String type, Collection<String> aggregateKeys,
            Collection<String> readKeys, JsonNode payload, String precedingStep, String traceParent) {
        return Panache.getSession().chain(session -> NativeSelects.withJson(NativeSelects
                .withJson(session.createNativeQuery(ACCEPT, String.class), "aggregateKeys",
                        jsonRows.of(aggregateKeys.stream().sorted().toList())),
                "readKeys", jsonRows.of(readKeys.stream().sorted().toList()))
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("payload", payload.toString())
                .setParameter("graceSeconds", Seconds.of(config.relay().queuedGrace()))
                .setParameter("precedingStep", precedingStep)
                .setParameter("traceParent", traceParent)
                .getSingleResult())
                .map(json -> {
                    JsonNode placed = jsonRows.read(json);
                    Map<String, Long> sequences = new HashMap<>();
                    Map<String, Long> reads = new HashMap<>();
                    Map<String, Long> applied = new HashMap<>();
                    Set<String> readersBefore = new HashSet<>();
                    placed.get(1).forEach(row -> {
                        sequences.put(row.get(0).asText(), row.get(1).asLong());
                        if (!row.get(2).isNull()) {
                            applied.put(row.get(0).asText(), row.get(2).asLong());
                        }
                        if (row.get(3).asBoolean()) {
                            readersBefore.add(row.get(0).asText());
                        }
                    });
                    placed.get(2).forEach(row -> {
                        reads.put(row.get(0).asText(), row.get(1).asLong());
                        if (!row.get(2).isNull()) {
                            applied.put(row.get(0).asText(), row.get(2).asLong());
                        }
                    });
                    return new PlacedOperation(new PendingOperation(id, type, payload.toString(),
                            OperationStatus.ACCEPTED, 0, placed.get(0).asLong(), sequences, reads, Duration.ZERO,
                            precedingStep), applied, readersBefore);
                });
    }

    /**
     * Within the caller's transaction: takes the operation's idempotency key for the identifier {@code id}, and answers
     * nothing when the operation is to be recorded under it, or what answers the request instead.
     */
    public Uni<Optional<Acceptance>> claimWithin(NewOperation operation, String id) {
        if (operation.idempotency() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        List<IdempotencyKeys.Claimant> claimant = List.of(new IdempotencyKeys.Claimant(operation.idempotency(), id));
        return Panache.getSession().chain(session -> NativeSelects
                .withJson(session.createNativeQuery(IdempotencyKeys.CLAIM_ON_SESSION, String.class), "claims",
                        idempotencyKeys.rowsOf(claimant))
                .getSingleResult())
                .map(json -> idempotencyKeys.decide(claimant, json).get(0));
    }
}
