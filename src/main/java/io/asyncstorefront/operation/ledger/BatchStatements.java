package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.asyncstorefront.persistence.JsonRows;
import io.asyncstorefront.persistence.NativeSelects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The processor's statements on the ledger, each within the caller's Hibernate Reactive transaction: the one in which
 * the batch's handlers write their entities, so that the final states commit with the changes that produced them.
 */
@ApplicationScoped
public class BatchStatements {

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
     * not flatten). On statistics taken while no reader was unfinished, the planner read operation_read's whole primary
     * key instead: once per batch as operation_id = any(the identifiers), 390 ms for 1,000 operations with 25,000
     * unfinished readers; once per operation in this form, 2.2 s for 500 with 72,000. So a backlog slowed every batch
     * that should drain it, until V16 left each lookup of the table one index that can serve it.
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

    private final OperationStateCodec codec;
    private final JsonRows jsonRows;

    public BatchStatements(OperationStateCodec codec, JsonRows jsonRows) {
        this.codec = codec;
        this.jsonRows = jsonRows;
    }

    /** Plans the rest of the transaction's statements for index access, whatever the statistics say. */
    public Uni<Void> preferIndexes() {
        return Panache.getSession().chain(session -> session.createNativeQuery(PREFER_INDEXES).executeUpdate())
                .replaceWithVoid();
    }

    /** Each named operation's places in the aggregates it changes and reads. */
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
     * Locks the progress of the given aggregates until commit, for update where the value is true and for share where
     * it is false, and answers, for each, the sequence number up to which its changes are final. Waits for rows that
     * others hold unless {@code wait} is false: then it answers only the rows it could lock at once.
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
     * The operations within the ranges, final ones included, and the readers still to apply before each range's end,
     * in acceptance order.
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

    /** In one statement: the final states of the operations, and each aggregate's applied sequence number moved forward. */
    public Uni<Integer> recordFinal(List<FinalState> states, Map<String, Long> applied) {
        if (states.isEmpty() && applied.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> progress = applied.entrySet().stream().map(entry -> Map.<String, Object> of(
                "aggregate_key", entry.getKey(), "applied", entry.getValue())).toList();
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_FINAL)
                .setParameter("rows", codec.finalRows(states))
                .setParameter("progress", jsonRows.of(progress)).executeUpdate());
    }

    /** Runs a statement that answers its rows as one JSON array. */
    private Uni<JsonNode> jsonResult(String statement, String parameter, String value) {
        return Panache.getSession().chain(session -> NativeSelects
                .withJson(session.createNativeQuery(statement, String.class), parameter, value)
                .getSingleResult())
                .map(jsonRows::read);
    }
}
