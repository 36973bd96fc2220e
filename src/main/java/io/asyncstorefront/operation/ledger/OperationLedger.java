package io.asyncstorefront.operation.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandEnvelope;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationInProgress;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The durable record of every operation: accepting, reading, and the state changes that processing makes. */
@ApplicationScoped
public class OperationLedger implements PanacheRepositoryBase<OperationRecord, String> {

    /*
     * One statement takes the next sequence number of each aggregate, then inserts the operation and its place in each
     * aggregate. The counters' row locks, taken in key order and held until commit, make the sequence order of an
     * aggregate its commit order; the operation row is inserted only after they are held (count(*) consumes them all),
     * so accepted_sequence agrees with every aggregate's order. The keys travel as JSON text: bound to a jsonb
     * parameter, a string would become a JSON string.
     */
    private static final String ACCEPT = """
            with next as (
                insert into operation_sequence (aggregate_key, last_sequence)
                select key, 1 from jsonb_array_elements_text(cast(cast(:aggregateKeys as text) as jsonb)) as key order by key
                on conflict (aggregate_key) do update set last_sequence = operation_sequence.last_sequence + 1
                returning aggregate_key, last_sequence),
            accepted as (
                insert into operation (id, command_type, payload, status, failed_attempts, accepted_at, next_attempt_at)
                select :id, :type, :payload, 'ACCEPTED', 0, now(), now() + make_interval(secs => :graceSeconds)
                from (select count(*) from next) as locked
                returning id)
            insert into operation_aggregate (operation_id, aggregate_key, aggregate_sequence)
            select accepted.id, next.aggregate_key, next.last_sequence from accepted, next
            """;

    /* The unfinished operations that must be applied before the given one, and itself, through shared aggregates. */
    private static final String UNFINISHED_UP_TO = """
            with recursive up_to(id) as (
                select cast(:id as varchar)
                union
                select earlier.operation_id
                from up_to
                join operation_aggregate mine on mine.operation_id = up_to.id
                join operation_aggregate earlier on earlier.aggregate_key = mine.aggregate_key
                     and earlier.aggregate_sequence < mine.aggregate_sequence
                join operation o on o.id = earlier.operation_id and o.status in ('ACCEPTED', 'IN_PROGRESS'))
            """;

    private static final String MARK_IN_PROGRESS = UNFINISHED_UP_TO + """
            update operation set status = 'IN_PROGRESS' where id in (select id from up_to) and status = 'ACCEPTED'
            """;

    /*
     * Processing serializes on transaction-scoped advisory locks of the aggregates, taken in key order, so that
     * accepting new operations never waits for processing.
     */
    private static final String LOCK_AGGREGATES = UNFINISHED_UP_TO + """
            select count(pg_advisory_xact_lock(hashtextextended(aggregate_key, 0))) from (
                select distinct a.aggregate_key from up_to join operation_aggregate a on a.operation_id = up_to.id
                order by a.aggregate_key) as keys
            """;

    private static final String SELECT_UNFINISHED_UP_TO = UNFINISHED_UP_TO + """
            select o.* from operation o join up_to on up_to.id = o.id
            where o.status in ('ACCEPTED', 'IN_PROGRESS')
            order by o.accepted_sequence
            """;

    /* Rows that another instance's relay has locked are skipped, so each overdue command is claimed once. */
    private static final String CLAIM_OVERDUE = """
            select * from operation
            where status in ('ACCEPTED', 'IN_PROGRESS') and next_attempt_at <= now()
            order by next_attempt_at
            limit :limit
            for update skip locked
            """;

    private static final String RECORD_REPUBLISHED = """
            update operation
            set republished = republished + 1,
                next_attempt_at = now() + make_interval(secs => :graceSeconds * power(2, least(republished + 1, :maxDoublings)))
            where id in (:ids) and status in ('ACCEPTED', 'IN_PROGRESS')
            """;

    private static final String AGGREGATE_KEYS = """
            select operation_id, aggregate_key from operation_aggregate where operation_id in (:ids)
            order by operation_id, aggregate_key
            """;

    private static final int MAX_BACKOFF_DOUBLINGS = 6;

    private static final String STATES = """
            select id, status, result from operation where id = any($1)
            """;

    private final OperationStateCodec codec;
    private final OperationsConfig config;
    private final ObjectMapper mapper;
    private final Pool pool;

    public OperationLedger(OperationStateCodec codec, OperationsConfig config, ObjectMapper mapper, Pool pool) {
        this.codec = codec;
        this.config = config;
        this.mapper = mapper;
        this.pool = pool;
    }

    /** Records a new operation durably. Once this completes, the operation is never lost. */
    @WithTransaction
    public Uni<CommandEnvelope> accept(String type, Collection<String> aggregateKeys, JsonNode payload) {
        String id = OperationIdentifiers.next();
        List<String> keys = aggregateKeys.stream().sorted().toList();
        return getSession().chain(session -> session.createNativeQuery(ACCEPT)
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("aggregateKeys", mapper.valueToTree(keys).toString())
                .setParameter("payload", payload.toString())
                .setParameter("graceSeconds", (double) config.relay().grace().toMillis() / 1000)
                .executeUpdate())
                .replaceWith(new CommandEnvelope(id, type, keys, payload));
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

    @WithSession
    public Uni<OperationStateInterface> state(String identifier) {
        return findById(identifier).map(record -> stateOf(record.id, record.status, record.result));
    }

    private OperationStateInterface stateOf(String id, OperationStatus status, String result) {
        return switch (status) {
            case ACCEPTED -> new OperationAccepted(id);
            case IN_PROGRESS -> new OperationInProgress(id);
            case COMPLETED, FAILED -> codec.read(result);
        };
    }

    /** Marks the operation and the unfinished operations that must precede it as in progress. */
    @WithTransaction
    public Uni<Integer> markInProgress(String operationId) {
        return getSession().chain(session -> session.createNativeQuery(MARK_IN_PROGRESS)
                .setParameter("id", operationId)
                .executeUpdate());
    }

    /**
     * Within the caller's transaction: locks the aggregates of the operation and of its unfinished predecessors, so that
     * one processor at a time applies them, and returns those operations in acceptance order.
     */
    public Uni<List<OperationRecord>> lockUnfinishedUpTo(String operationId) {
        return getSession()
                .chain(session -> session.createNativeQuery(LOCK_AGGREGATES, Long.class)
                        .setParameter("id", operationId)
                        .getSingleResult()
                        .chain(() -> session.createNativeQuery(SELECT_UNFINISHED_UP_TO, OperationRecord.class)
                                .setParameter("id", operationId)
                                .getResultList()));
    }

    /** Within the caller's transaction: records the final state of a managed record. */
    public void finish(OperationRecord record, OperationStateInterface state) {
        record.status = state instanceof OperationFailed ? OperationStatus.FAILED : OperationStatus.COMPLETED;
        record.result = codec.write(state);
        record.finishedAt = OffsetDateTime.now();
    }

    /**
     * Counts a failure to apply an operation for a reason other than the command itself; past the limit the operation
     * fails with a system error, so that the later operations of its aggregates can go on.
     */
    @WithTransaction
    public Uni<Void> recordFailedAttempt(String operationId) {
        return findById(operationId).invoke(record -> {
            if (record == null || record.status.isFinal()) {
                return;
            }
            record.failedAttempts++;
            if (record.failedAttempts >= config.processing().maxAttempts()) {
                finish(record, new OperationFailed(record.id, List.of(new SystemErrorReport(
                        "The operation could not be applied after " + record.failedAttempts + " attempts."))));
            }
        }).replaceWithVoid();
    }

    /**
     * Claims unfinished operations whose grace period has passed, for the relay to publish again: each is leased for
     * one more grace period, so that another relay does not take it meanwhile. Only a publish that the broker
     * acknowledged counts ({@link #recordRepublished}); the others come back after the lease.
     */
    @WithTransaction
    public Uni<List<CommandEnvelope>> claimOverdue() {
        OffsetDateTime leasedUntil = OffsetDateTime.now().plus(config.relay().grace());
        return getSession().chain(session -> session.createNativeQuery(CLAIM_OVERDUE, OperationRecord.class)
                .setParameter("limit", config.relay().batchSize())
                .getResultList()
                .chain(records -> {
                    if (records.isEmpty()) {
                        return Uni.createFrom().item(List.<CommandEnvelope> of());
                    }
                    records.forEach(record -> record.nextAttemptAt = leasedUntil);
                    return session.createNativeQuery(AGGREGATE_KEYS, Object[].class)
                            .setParameter("ids", records.stream().map(record -> record.id).toList())
                            .getResultList()
                            .map(rows -> {
                                Map<String, List<String>> keys = new HashMap<>();
                                rows.forEach(row -> keys.computeIfAbsent((String) row[0], id -> new ArrayList<>())
                                        .add((String) row[1]));
                                return records.stream().map(record -> new CommandEnvelope(record.id, record.commandType,
                                        keys.getOrDefault(record.id, List.of()), readTree(record.payload))).toList();
                            });
                }));
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
                .setParameter("graceSeconds", (double) config.relay().grace().toMillis() / 1000)
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
