package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.state.OperationFailed;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Failures to apply an operation for a reason other than its command (a lost connection, a timeout): each is counted,
 * the operation is retried after a backoff, and past the limit it fails and is moved to the dead letters.
 */
@ApplicationScoped
public class FailedAttempts implements PanacheRepositoryBase<OperationRecord, String> {

    /* A final operation reads nothing any more. */
    private static final String DEAD_LETTER = """
            with read as (delete from operation_read where operation_id = :id)
            insert into operation_dead_letter (operation_id, command_type, payload, last_error, attempts, failed_at)
            values (:id, :type, :payload, :error, :attempts, clock_timestamp())
            on conflict (operation_id) do nothing
            """;

    private final BatchStatements batch;
    private final OperationStateCodec codec;
    private final OperationsConfig config;

    public FailedAttempts(BatchStatements batch, OperationStateCodec codec, OperationsConfig config) {
        this.batch = batch;
        this.codec = codec;
        this.config = config;
    }

    /**
     * Counts a failure to apply an operation; past the limit the operation fails with a system error, so that the later
     * operations of its aggregates can go on.
     */
    @WithTransaction
    public Uni<Void> record(String operationId, String error) {
        // Under the locks a batch takes, so that counting waits for a batch that applies the operation meanwhile (and
        // then finds it final) rather than writing over its final state.
        return batch.placesOf(List.of(operationId))
                .chain(places -> batch.lockProgress(places.getOrDefault(operationId, OperationPlaces.NONE).keys()
                        .stream().collect(Collectors.toMap(key -> key, key -> true)), true))
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
                    record.status = OperationStatus.FAILED;
                    record.result = codec.write(new OperationFailed(record.id,
                            List.of(SystemErrorReport.attemptsRanOut(record.failedAttempts))));
                    record.finishedAt = OffsetDateTime.now();
                    // Moved aside with its command and last error, for an operator and for retryOperations.
                    return getSession().chain(session -> session.createNativeQuery(DEAD_LETTER)
                            .setParameter("id", record.id).setParameter("type", record.commandType)
                            .setParameter("payload", record.payload).setParameter("error", error)
                            .setParameter("attempts", record.failedAttempts).executeUpdate()).replaceWithVoid();
                });
    }

    /** The wait before retry n: the backoff doubled n - 1 times, at most the relay's grace. */
    private Duration backoff(int failedAttempts) {
        Duration wait = config.processing().retryBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(config.relay().grace()) < 0 ? wait : config.relay().grace();
    }
}
