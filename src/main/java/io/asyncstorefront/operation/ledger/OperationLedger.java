package io.asyncstorefront.operation.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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

/** The durable record of every operation: accepting, reading, and the state changes that processing makes. */
@ApplicationScoped
public class OperationLedger implements PanacheRepositoryBase<OperationRecord, String> {

    /*
     * One statement takes the aggregate's next sequence number and inserts the operation. The row lock on the
     * aggregate's counter lasts until commit, so the sequence order of an aggregate is its commit order.
     */
    private static final String ACCEPT = """
            with next as (
                insert into operation_sequence (aggregate_key, last_sequence) values (:aggregateKey, 1)
                on conflict (aggregate_key) do update set last_sequence = operation_sequence.last_sequence + 1
                returning last_sequence)
            insert into operation (id, command_type, aggregate_key, aggregate_sequence, payload, status,
                                   failed_attempts, accepted_at, next_attempt_at)
            select :id, :type, :aggregateKey, last_sequence, :payload, 'ACCEPTED',
                   0, now(), now() + make_interval(secs => :graceSeconds)
            from next
            """;

    /*
     * Processing serializes on a lock of its own, held until commit, so that accepting new operations of the aggregate
     * never waits for its processing.
     */
    private static final String LOCK_AGGREGATE = """
            select 1 from (select pg_advisory_xact_lock(hashtextextended(:aggregateKey, 0))) as locked
            """;

    /* Rows that another instance's relay has locked are skipped, so each overdue command is claimed once. */
    private static final String CLAIM_OVERDUE = """
            select * from operation
            where status in ('ACCEPTED', 'IN_PROGRESS') and next_attempt_at <= now()
            order by next_attempt_at
            limit :limit
            for update skip locked
            """;

    private final OperationStateCodec codec;
    private final OperationsConfig config;
    private final ObjectMapper mapper;

    public OperationLedger(OperationStateCodec codec, OperationsConfig config, ObjectMapper mapper) {
        this.codec = codec;
        this.config = config;
        this.mapper = mapper;
    }

    /** Records a new operation durably. Once this completes, the operation is never lost. */
    @WithTransaction
    public Uni<CommandEnvelope> accept(String type, String aggregateKey, JsonNode payload) {
        String id = OperationIdentifiers.next();
        return getSession().chain(session -> session.createNativeQuery(ACCEPT)
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("aggregateKey", aggregateKey)
                .setParameter("payload", payload.toString())
                .setParameter("graceSeconds", (double) config.relay().grace().toMillis() / 1000)
                .executeUpdate())
                .replaceWith(new CommandEnvelope(id, type, aggregateKey, payload));
    }

    /** The states of the given operations in request order, null for an unknown identifier; one statement. */
    @WithSession
    public Uni<List<OperationStateInterface>> states(List<String> identifiers) {
        List<String> wellFormed = identifiers.stream().filter(OperationIdentifiers::isWellFormed).distinct().toList();
        if (wellFormed.isEmpty()) {
            return Uni.createFrom().item(() -> new ArrayList<>(Collections.nCopies(identifiers.size(), null)));
        }
        return list("id in ?1", wellFormed).map(records -> {
            Map<String, OperationStateInterface> byId = new HashMap<>();
            records.forEach(record -> byId.put(record.id, stateOf(record)));
            List<OperationStateInterface> states = new ArrayList<>(identifiers.size());
            identifiers.forEach(identifier -> states.add(byId.get(identifier)));
            return states;
        });
    }

    @WithSession
    public Uni<OperationStateInterface> state(String identifier) {
        return findById(identifier).map(this::stateOf);
    }

    private OperationStateInterface stateOf(OperationRecord record) {
        return switch (record.status) {
            case ACCEPTED -> new OperationAccepted(record.id);
            case IN_PROGRESS -> new OperationInProgress(record.id);
            case COMPLETED, FAILED -> codec.read(record.result);
        };
    }

    /** Marks the operation and its unfinished predecessors of the same aggregate as in progress. */
    @WithTransaction
    public Uni<Integer> markInProgress(String aggregateKey, String operationId) {
        return update("""
                status = ?1 where aggregateKey = ?2 and status = ?3
                and aggregateSequence <= (select o.aggregateSequence from OperationRecord o where o.id = ?4)
                """, OperationStatus.IN_PROGRESS, aggregateKey, OperationStatus.ACCEPTED, operationId);
    }

    /**
     * Within the caller's transaction: locks the aggregate, so that one processor at a time applies its operations, and
     * returns the unfinished operations up to the given one, oldest first.
     */
    public Uni<List<OperationRecord>> lockUnfinishedUpTo(String aggregateKey, String operationId) {
        return getSession()
                .chain(session -> session.createNativeQuery(LOCK_AGGREGATE, Integer.class)
                        .setParameter("aggregateKey", aggregateKey)
                        .getResultList())
                .chain(() -> list("""
                        aggregateKey = ?1 and status in ?2
                        and aggregateSequence <= (select o.aggregateSequence from OperationRecord o where o.id = ?3)
                        order by aggregateSequence
                        """, aggregateKey, List.of(OperationStatus.ACCEPTED, OperationStatus.IN_PROGRESS), operationId));
    }

    /** Within the caller's transaction: records the final state of a managed record. */
    public void finish(OperationRecord record, OperationStateInterface state) {
        record.status = state instanceof OperationFailed ? OperationStatus.FAILED : OperationStatus.COMPLETED;
        record.result = codec.write(state);
        record.finishedAt = OffsetDateTime.now();
    }

    /**
     * Counts a failure to apply an operation for a reason other than the command itself; past the limit the operation
     * fails with a system error, so that its aggregate's later operations can go on.
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
     * Claims unfinished operations whose grace period has passed, for the relay to publish again, and pushes their
     * next attempt back. Rows claimed by another instance are skipped.
     */
    @WithTransaction
    public Uni<List<CommandEnvelope>> claimOverdue() {
        OffsetDateTime next = OffsetDateTime.now().plus(config.relay().grace());
        return getSession()
                .chain(session -> session.createNativeQuery(CLAIM_OVERDUE, OperationRecord.class)
                        .setParameter("limit", config.relay().batchSize())
                        .getResultList())
                .map(records -> records.stream().map(record -> {
                    record.nextAttemptAt = next;
                    return new CommandEnvelope(record.id, record.commandType, record.aggregateKey,
                            readTree(record.payload));
                }).toList());
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable command payload in the ledger", e);
        }
    }
}
