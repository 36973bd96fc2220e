package io.asyncstorefront.operation.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandEnvelope;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationCancelled;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationInProgress;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.persistence.JsonRows;
import io.asyncstorefront.persistence.NativeSelects;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The durable record of every operation: accepting, reading, and the state changes that processing makes. */
@ApplicationScoped
public class OperationLedger implements PanacheRepositoryBase<OperationRecord, String> {

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
                                       preceding_step)
                select :id, :type, :payload, 'ACCEPTED', 0, now(), now() + make_interval(secs => :graceSeconds),
                       cast(:precedingStep as varchar)
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

    /*
     * The same for a group of operations, in one statement and one commit: each aggregate's counter grows by the number
     * of the group's operations that change it, and those operations take its numbers in group order; an operation that
     * reads an aggregate counts the changes before it, the group's own included. $1..$3: the operations' ids, types and
     * payloads; $4, $5, $8: one entry per (operation, aggregate), the operation's index (1-based), the aggregate key and
     * whether the operation only reads it, operations in group order; $6: the relay's grace in seconds; $7: the
     * operations' preceding steps.
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
                                       preceding_step)
                select o.id, o.type, o.payload, 'ACCEPTED', 0, now(), now() + make_interval(secs => $6), o.preceding_step
                from (select count(*) from next) as locked,
                     unnest($1::varchar[], $2::varchar[], $3::text[], $7::varchar[])
                         with ordinality as o(id, type, payload, preceding_step, n)
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
     * Every statement of a batch reaches its rows by index. On tables that grew since their statistics were taken (a
     * new deployment under load, before autovacuum's next analyze), the planner would otherwise scan them whole for
     * each statement: measured at 300 ms a statement on 10k rows, against 2 ms by index.
     */
    private static final String PREFER_INDEXES = """
            set local enable_seqscan = off
            """;

    /*
     * Locks the progress rows of the given aggregates, in key order so that two batches never wait for each other in a
     * cycle: for update where the batch changes the aggregate, for share where it only reads it (readers do not wait
     * for each other), and returns how far each is applied. Processing serializes on these rows; accepting never locks
     * them. %s: SKIP LOCKED for the aggregates that a batch finds it needs once it holds others, which it must not wait
     * for; it answers only the rows it locked.
     */
    private static final String LOCK_PROGRESS = """
            select cast(coalesce(json_agg(json_build_array(k.aggregate_key, coalesce(x.applied_sequence, s.applied_sequence))),
                       '[]') as text)
            from jsonb_to_recordset(cast(cast(:keys as text) as jsonb)) as k(aggregate_key varchar, exclusive boolean)
            left join lateral (select applied_sequence from aggregate_progress p
                               where p.aggregate_key = k.aggregate_key and k.exclusive for update %1$s) as x on true
            left join lateral (select applied_sequence from aggregate_progress p
                               where p.aggregate_key = k.aggregate_key and not k.exclusive for share %1$s) as s on true
            where coalesce(x.applied_sequence, s.applied_sequence) is not null
            """;

    private static final String LOCK_PROGRESS_WAITING = LOCK_PROGRESS.formatted("");

    private static final String LOCK_PROGRESS_FREE = LOCK_PROGRESS.formatted("skip locked");

    /*
     * Each operation's place in the aggregates it changes, and the changes it waits for in those it reads, for the
     * operations that a batch names: one index lookup per operation and table (a lateral subquery that the planner may
     * not flatten). Stated as operation_id = any(the identifiers), the planner chose, on statistics taken while few
     * readers were unfinished, a scan of operation_read's whole primary key, which covers the selected columns: measured
     * at 390 ms for a batch of 1,000 with 25,000 unfinished readers, against 4 ms by lookups, so that a backlog slowed
     * every batch that should drain it.
     */
    private static final String SEQUENCES_OF = """
            select cast(coalesce(json_agg(json_build_array(places.operation_id, places.aggregate_key, places.place,
                       places.reads)), '[]') as text)
            from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) as ids(id)
            cross join lateral (
                select a.operation_id, a.aggregate_key, a.aggregate_sequence as place, false as reads
                from operation_aggregate a where a.operation_id = ids.id
                union all
                select d.operation_id, d.aggregate_key, d.after_sequence, true from operation_read d
                where d.operation_id = ids.id
                offset 0) as places
            """;

    /*
     * The operations within the given ranges of aggregates that a batch changes, final ones included, and the readers of
     * those aggregates still to apply before the range's end, with every aggregate each one names. Like the two
     * statements above, it answers one row of JSON: read row by row, Hibernate Reactive spent more time on the rows of
     * a batch than PostgreSQL. Each step is a lateral subquery that the planner may not flatten (offset 0), so that
     * every range costs index scans on (aggregate_key, aggregate_sequence), (aggregate_key, after_sequence) and primary
     * keys, whatever the ledger's size: left to itself, the planner guesses 100 rows for the ranges and hashes whole
     * tables.
     */
    private static final String IN_RANGES = """
            with r as (
                select * from jsonb_to_recordset(cast(cast(:ranges as text) as jsonb))
                    as r(aggregate_key varchar, applied bigint, up_to bigint)),
            found as (
                select a.operation_id from r cross join lateral (
                    select a.operation_id from operation_aggregate a
                    where a.aggregate_key = r.aggregate_key and a.aggregate_sequence > r.applied
                          and a.aggregate_sequence <= r.up_to
                    offset 0) as a
                union all
                select d.operation_id from r cross join lateral (
                    select d.operation_id from operation_read d
                    where d.aggregate_key = r.aggregate_key and d.after_sequence < r.up_to
                    offset 0) as d)
            select cast(coalesce(json_agg(json_build_array(o.id, o.command_type, o.payload, o.status, o.failed_attempts,
                       o.accepted_sequence, mine.aggregate_key, mine.place,
                       cast(1000 * extract(epoch from clock_timestamp() - o.accepted_at) as bigint),
                       o.preceding_step, mine.reads)), '[]') as text)
            from found
            cross join lateral (select * from operation o where o.id = found.operation_id offset 0) as o
            cross join lateral (
                select mine.aggregate_key, mine.aggregate_sequence as place, false as reads from operation_aggregate mine
                where mine.operation_id = o.id
                union all
                select mr.aggregate_key, mr.after_sequence, true from operation_read mr where mr.operation_id = o.id
                offset 0) as mine
            """;

    /*
     * Statements that update operations by identifier state "not final" as status not in (the final statuses, from
     * OperationStatus.FINAL): stated as status in
     * ('ACCEPTED', 'IN_PROGRESS'), it lets the planner scan the partial index operation_unfinished, whose every entry it
     * then reads, so that each batch cost as much as the backlog was long (measured: 140 ms for 500 rows with 25k
     * unfinished operations, against 14 ms by primary key).
     *
     * One finishing time for the batch, taken once its locks are held, so that later batches finish later. Each result
     * travels as JSON within the rows (json, not jsonb, keeps its text as written) rather than as an escaped string. The
     * same statement moves the aggregates' progress forward and forgets what the final operations read, sparing round
     * trips per batch.
     */
    private static final String RECORD_FINAL = """
            with r as (
                select * from json_to_recordset(cast(cast(:rows as text) as json)) as r(id varchar, status varchar, result json)),
            finished as (
                update operation o set status = r.status, result = cast(r.result as text), finished_at = t.finished
                from (select clock_timestamp() as finished) as t, r
                where o.id = any(array(select id from r)) and o.id = r.id
                      and o.status not in (%1$s)),
            read as (
                delete from operation_read d where d.operation_id = any(array(select id from r))),
            p as (
                select * from jsonb_to_recordset(cast(cast(:progress as text) as jsonb)) as p(aggregate_key varchar, applied bigint))
            update aggregate_progress ap set applied_sequence = p.applied
            from p
            where ap.aggregate_key = any(array(select aggregate_key from p)) and ap.aggregate_key = p.aggregate_key
                  and ap.applied_sequence < p.applied
            """
            .formatted(OperationStatus.FINAL);

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

    private static final String RECORD_REPUBLISHED = """
            update operation
            set republished = republished + 1,
                next_attempt_at = now() + make_interval(secs => :graceSeconds * power(2, least(republished + 1, :maxDoublings)))
            where id in (:ids) and status not in (%1$s)
            """.formatted(OperationStatus.FINAL);

    private static final int MAX_BACKOFF_DOUBLINGS = 6;

    private static final String PUBLISH_FAILED = """
            update operation set next_attempt_at = now() + make_interval(secs => $2)
            where id = any($1) and status not in ('IN_PROGRESS', %1$s)
            """.formatted(OperationStatus.FINAL);

    private static final String OLDEST_UNFINISHED = """
            select coalesce(cast(1000 * extract(epoch from now() - min(accepted_at)) as bigint), 0)
            from operation where status in ('ACCEPTED', 'IN_PROGRESS')
            """;

    /* A final operation reads nothing any more. */
    private static final String DEAD_LETTER = """
            with read as (delete from operation_read where operation_id = :id)
            insert into operation_dead_letter (operation_id, command_type, payload, last_error, attempts, failed_at)
            values (:id, :type, :payload, :error, :attempts, clock_timestamp())
            on conflict (operation_id) do nothing
            """;

    /* Failed operations whose attempts ran out, locked in acceptance order, so that each is taken up again once. */
    private static final String RETRIABLE = """
            select o.id, o.command_type, o.payload from operation o join operation_dead_letter d on d.operation_id = o.id
            where o.id = any($1) and o.status = 'FAILED'
            order by o.accepted_sequence
            for update of o
            """;

    /*
     * A retried operation goes to the end of each of its aggregates' order, as if accepted now, and reads again what its
     * command reads ($2), after the changes accepted so far.
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
            from unnest($2::varchar[]) as key
            on conflict do nothing
            """;

    private static final String REOPEN = """
            update operation set status = 'ACCEPTED', result = null, finished_at = null, failed_attempts = 0,
                                 last_error = null, next_attempt_at = now() + $2 * interval '1 millisecond'
            where id = any($1)
            """;

    private static final String FORGET_DEAD_LETTERS = """
            delete from operation_dead_letter where operation_id = any($1)
            """;

    /*
     * Operations not yet final become final as cancelled, and read nothing any more; final ones are left as they are.
     * The caller holds the progress locks of their aggregates, as a batch that applies them would.
     */
    private static final String CANCEL = """
            with r as (
                select * from json_to_recordset(cast(cast(:rows as text) as json)) as r(id varchar, result json)),
            cancelled as (
                update operation o set status = 'CANCELLED', result = cast(r.result as text), finished_at = clock_timestamp()
                from r
                where o.id = any(array(select id from r)) and o.id = r.id
                      and o.status not in (%1$s)
                returning o.id)
            delete from operation_read d where d.operation_id = any(array(select id from cancelled))
            """.formatted(OperationStatus.FINAL);

    private static final String STATES = """
            select id, status, result from operation where id = any($1)
            """;

    private final OperationStateCodec codec;
    private final OperationsConfig config;
    private final ObjectMapper mapper;
    private final Pool pool;
    private final JsonRows jsonRows;
    private final IdempotencyKeys idempotencyKeys;

    public OperationLedger(OperationStateCodec codec, OperationsConfig config, ObjectMapper mapper, Pool pool,
            JsonRows jsonRows, IdempotencyKeys idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        this.codec = codec;
        this.config = config;
        this.mapper = mapper;
        this.pool = pool;
        this.jsonRows = jsonRows;
    }

    /**
     * Records a new operation, within the caller's transaction if there is one, locks the progress of its aggregates
     * and answers the operation as the processor reads it. Once the transaction commits, the operation is never lost.
     */
    @WithTransaction
    public Uni<PlacedOperation> accept(String type, Collection<String> aggregateKeys, Collection<String> readKeys,
            JsonNode payload, String precedingStep) {
        return accept(OperationIdentifiers.next(), type, aggregateKeys, readKeys, payload, precedingStep);
    }

    /** The same under an identifier taken before, for an idempotency key to name it. */
    @WithTransaction
    public Uni<PlacedOperation> accept(String id, String type, Collection<String> aggregateKeys,
            Collection<String> readKeys, JsonNode payload, String precedingStep) {
        return getSession().chain(session -> NativeSelects.withJson(NativeSelects
                .withJson(session.createNativeQuery(ACCEPT, String.class), "aggregateKeys",
                        jsonRows.of(aggregateKeys.stream().sorted().toList())),
                "readKeys", jsonRows.of(readKeys.stream().sorted().toList()))
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("payload", payload.toString())
                .setParameter("graceSeconds", graceSeconds(config.relay().queuedGrace()))
                .setParameter("precedingStep", precedingStep)
                .getSingleResult())
                .map(json -> {
                    JsonNode placed = readTree(json);
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
        return operation.idempotency() == null ? Uni.createFrom().item(Optional.empty())
                : idempotencyKeys.claimWithin(new IdempotencyKeys.Claimant(operation.idempotency(), id));
    }

    /**
     * The states of the given operations in request order, null for an unknown identifier; one statement, on a pooled
     * connection of its own, since the root fields of a GraphQL request run concurrently and must not share a session.
     */
    public Uni<List<OperationStateInterface>> states(List<String> identifiers) {
        List<String> wellFormed = identifiers.stream().filter(OperationIdentifiers::isWellFormed).distinct().toList();
        if (wellFormed.isEmpty()) {
            return Uni.createFrom().item(() -> new ArrayList<>(Collections.nCopies(identifiers.size(), null)));
        }
        return pool.preparedQuery(STATES).execute(Tuple.of(wellFormed.toArray(String[]::new))).map(rows -> {
            Map<String, OperationStateInterface> byId = new HashMap<>();
            for (Row row : rows) {
                byId.put(row.getString("id"), stateOf(row.getString("id"),
                        OperationStatus.valueOf(row.getString("status")), row.getString("result")));
            }
            List<OperationStateInterface> states = new ArrayList<>(identifiers.size());
            identifiers.forEach(identifier -> states.add(byId.get(identifier)));
            return states;
        });
    }

    private OperationStateInterface stateOf(String id, OperationStatus status, String result) {
        return switch (status) {
            case ACCEPTED -> new OperationAccepted(id);
            case IN_PROGRESS -> new OperationInProgress(id);
            case COMPLETED, FAILED, CANCELLED -> codec.read(result);
        };
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
        List<Integer> entryOperations = new ArrayList<>();
        List<String> entryKeys = new ArrayList<>();
        List<Boolean> entryReads = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NewOperation operation = operations.get(i);
            types[i] = operation.type();
            payloads[i] = operation.payload().toString();
            precedingSteps[i] = operation.precedingStep();
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
                entryKeys.toArray(String[]::new), graceSeconds(config.relay().queuedGrace()), precedingSteps,
                entryReads.toArray(Boolean[]::new)));
    }

    /** Within the caller's transaction: plans its statements for index access, whatever the statistics say. */
    public Uni<Void> preferIndexes() {
        return getSession().chain(session -> session.createNativeQuery(PREFER_INDEXES).executeUpdate()).replaceWithVoid();
    }

    /** Within the caller's transaction: each named operation's places in the aggregates it changes and reads. */
    public Uni<Map<String, OperationPlaces>> placesOf(Collection<String> operationIds) {
        return jsonResult(SEQUENCES_OF, "ids", jsonRows.of(operationIds)).map(rows -> {
            Map<String, OperationPlaces> places = new HashMap<>();
            for (JsonNode row : rows) {
                OperationPlaces of = places.computeIfAbsent(row.get(0).asText(),
                        id -> new OperationPlaces(new HashMap<>(), new HashMap<>()));
                (row.get(3).asBoolean() ? of.reads() : of.sequences()).put(row.get(1).asText(), row.get(2).asLong());
            }
            return places;
        });
    }

    /**
     * Within the caller's transaction: locks the progress of the given aggregates until commit, for update where the
     * value is true and for share where it is false, and answers, for each, the sequence number up to which its
     * changes are final. Waits for rows that others hold unless {@code wait} is false: then it answers only the rows it
     * could lock at once.
     */
    public Uni<Map<String, Long>> lockProgress(Map<String, Boolean> exclusiveByKey, boolean wait) {
        List<Map<String, Object>> keys = exclusiveByKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Map.<String, Object> of("aggregate_key", entry.getKey(), "exclusive", entry.getValue()))
                .toList();
        return jsonResult(wait ? LOCK_PROGRESS_WAITING : LOCK_PROGRESS_FREE, "keys", jsonRows.of(keys)).map(rows -> {
            Map<String, Long> applied = new HashMap<>();
            rows.forEach(row -> applied.put(row.get(0).asText(), row.get(1).asLong()));
            return applied;
        });
    }

    /**
     * Within the caller's transaction: the operations within the ranges, final ones included, and the readers still to
     * apply before each range's end, in acceptance order.
     */
    public Uni<List<PendingOperation>> inRanges(Collection<AggregateRange> ranges) {
        List<Map<String, Object>> rows = ranges.stream().map(range -> Map.<String, Object> of(
                "aggregate_key", range.aggregateKey(), "applied", range.applied(), "up_to", range.upTo())).toList();
        return jsonResult(IN_RANGES, "ranges", jsonRows.of(rows)).map(found -> {
            Map<String, PendingOperation> operations = new HashMap<>();
            for (JsonNode row : found) {
                PendingOperation operation = operations.computeIfAbsent(row.get(0).asText(),
                        id -> new PendingOperation(id, row.get(1).asText(), row.get(2).asText(),
                                OperationStatus.valueOf(row.get(3).asText()), row.get(4).asInt(), row.get(5).asLong(),
                                new HashMap<>(), new HashMap<>(), Duration.ofMillis(row.get(8).asLong()),
                                row.get(9).isNull() ? null : row.get(9).asText()));
                (row.get(10).asBoolean() ? operation.reads() : operation.sequences())
                        .put(row.get(6).asText(), row.get(7).asLong());
            }
            return operations.values().stream()
                    .sorted(Comparator.comparingLong(PendingOperation::acceptedSequence)).toList();
        });
    }

    /** Runs a statement of the caller's transaction that answers its rows as one JSON array. */
    private Uni<JsonNode> jsonResult(String statement, String parameter, String value) {
        return getSession().chain(session -> NativeSelects
                .withJson(session.createNativeQuery(statement, String.class), parameter, value)
                .getSingleResult())
                .map(this::readTree);
    }

    /**
     * Within the caller's transaction, in one statement: the final states of the operations, and each aggregate's
     * applied sequence number moved forward.
     */
    public Uni<Integer> recordFinal(List<FinalState> states, Map<String, Long> applied) {
        if (states.isEmpty() && applied.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> progress = applied.entrySet().stream().map(entry -> Map.<String, Object> of(
                "aggregate_key", entry.getKey(), "applied", entry.getValue())).toList();
        return getSession().chain(session -> session.createNativeQuery(RECORD_FINAL)
                .setParameter("rows", finalRows(states))
                .setParameter("progress", jsonRows.of(progress)).executeUpdate());
    }

    /** [{"id": …, "status": …, "result": {the state}}, …], each state written once, straight into the rows. */
    private String finalRows(List<FinalState> states) {
        StringWriter text = new StringWriter(states.size() * 200);
        try (JsonGenerator rows = mapper.createGenerator(text)) {
            rows.writeStartArray();
            for (FinalState state : states) {
                rows.writeStartObject();
                rows.writeStringField("id", state.operationId());
                rows.writeStringField("status", statusOf(state.state()).name());
                rows.writeFieldName("result");
                codec.write(rows, state.state());
                rows.writeEndObject();
            }
            rows.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("Final states that cannot be written as JSON", e);
        }
        return text.toString();
    }

    private static OperationStatus statusOf(OperationStateInterface state) {
        return state instanceof OperationCancelled ? OperationStatus.CANCELLED
                : state instanceof OperationFailed ? OperationStatus.FAILED : OperationStatus.COMPLETED;
    }

    /** How long the oldest unfinished operation has waited; zero when none is. */
    public Uni<Duration> oldestUnfinishedAge() {
        return pool.query(OLDEST_UNFINISHED).execute().map(rows -> Duration.ofMillis(rows.iterator().next().getLong(0)));
    }

    /** Publishing failed: the relay publishes these commands again after the (short) grace period. */
    public Uni<Void> recordPublishFailed(Collection<String> operationIds) {
        return pool.preparedQuery(PUBLISH_FAILED)
                .execute(Tuple.of(operationIds.toArray(String[]::new), graceSeconds(config.relay().grace())))
                .replaceWithVoid();
    }

    private static double graceSeconds(Duration grace) {
        return (double) grace.toMillis() / 1000;
    }

    /** Within the caller's transaction: records the final state of a managed record. */
    private void finish(OperationRecord record, OperationStateInterface state) {
        record.status = state instanceof OperationFailed ? OperationStatus.FAILED : OperationStatus.COMPLETED;
        record.result = codec.write(state);
        record.finishedAt = OffsetDateTime.now();
    }

    /**
     * Counts a failure to apply an operation for a reason other than the command itself; past the limit the operation
     * fails with a system error, so that the later operations of its aggregates can go on.
     */
    @WithTransaction
    public Uni<Void> recordFailedAttempt(String operationId, String error) {
        // Under the locks a batch takes, so that counting waits for a batch that applies the operation meanwhile (and
        // then finds it final) rather than writing over its final state.
        return placesOf(List.of(operationId))
                .chain(places -> lockProgress(places.getOrDefault(operationId, OperationPlaces.NONE).keys().stream()
                        .collect(Collectors.toMap(key -> key, key -> true)), true))
                .chain(() -> findById(operationId, LockModeType.PESSIMISTIC_WRITE)).chain(record -> {
                    if (record == null || record.status.isFinal()) {
                        return Uni.createFrom().voidItem();
                    }
                    // Taken up and to be retried: the one way an operation shows OperationInProgress.
                    record.status = OperationStatus.IN_PROGRESS;
                    record.failedAttempts++;
                    record.lastError = error;
                    record.nextAttemptAt = OffsetDateTime.now().plus(backoff(record.failedAttempts));
                    if (record.failedAttempts < config.processing().maxAttempts()) {
                        return Uni.createFrom().voidItem();
                    }
                    finish(record, new OperationFailed(record.id, List.of(SystemErrorReport.retriable(
                            "The operation could not be applied after " + record.failedAttempts + " attempts."))));
                    // Moved aside with its command and last error, for an operator and for retryOperations.
                    return getSession().chain(session -> session.createNativeQuery(DEAD_LETTER)
                            .setParameter("id", record.id).setParameter("type", record.commandType)
                            .setParameter("payload", record.payload).setParameter("error", error)
                            .setParameter("attempts", record.failedAttempts).executeUpdate()).replaceWithVoid();
                });
    }

    /**
     * Cancels the given operations that are not final yet: none of them is applied afterwards. A batch that applies one
     * of them meanwhile holds the locks taken here first, so either it applies the operation or this cancels it.
     */
    @WithTransaction
    public Uni<Void> cancel(List<String> identifiers) {
        List<String> wellFormed = identifiers.stream().filter(OperationIdentifiers::isWellFormed).distinct().toList();
        if (wellFormed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return placesOf(wellFormed)
                .chain(places -> lockProgress(places.values().stream()
                        .flatMap(of -> of.sequences().keySet().stream()).distinct()
                        .collect(Collectors.toMap(key -> key, key -> true)), true))
                .chain(() -> getSession().chain(session -> session.createNativeQuery(CANCEL)
                        .setParameter("rows", finalRows(wellFormed.stream()
                                .map(id -> new FinalState(id, new OperationCancelled(id))).toList()))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** The wait before retry n: the backoff doubled n - 1 times, at most the relay's grace. */
    private Duration backoff(int failedAttempts) {
        Duration wait = config.processing().retryBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(config.relay().grace()) < 0 ? wait : config.relay().grace();
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

    /** What the command of a stored operation reads, for a retry to wait for it again. */
    @FunctionalInterface
    public interface ReadKeys {
        Collection<String> of(String commandType, String payload);
    }

    /**
     * Claims unfinished operations whose grace period has passed, for the relay to publish again: each is leased for
     * one more grace period, so that another relay does not take it meanwhile. Only a publish that the broker
     * acknowledged counts ({@link #recordRepublished}); the others come back after the lease. One statement on the
     * pool, as it runs every relay interval.
     */
    public Uni<List<String>> claimOverdue() {
        return pool.preparedQuery(CLAIM_OVERDUE)
                .execute(Tuple.of(config.relay().batchSize(), graceSeconds(config.relay().grace())))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /**
     * Counts a republish that the broker acknowledged and pushes the next one back: twice as far each time, up to 64
     * grace periods, so that a long outage of the processor does not fill the broker with copies.
     */
    @WithTransaction
    public Uni<Integer> recordRepublished(List<String> operationIds) {
        if (operationIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery(RECORD_REPUBLISHED)
                .setParameter("ids", operationIds)
                .setParameter("graceSeconds", graceSeconds(config.relay().queuedGrace()))
                .setParameter("maxDoublings", MAX_BACKOFF_DOUBLINGS)
                .executeUpdate());
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable command payload in the ledger", e);
        }
    }
}
