package io.asyncstorefront.operation.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.failure.PrecedingStepFailedReport;
import io.asyncstorefront.operation.ledger.AggregateRange;
import io.asyncstorefront.operation.ledger.BatchStatements;
import io.asyncstorefront.operation.ledger.FailedAttempts;
import io.asyncstorefront.operation.ledger.FinalState;
import io.asyncstorefront.operation.ledger.OperationPlaces;
import io.asyncstorefront.operation.ledger.OperationStates;
import io.asyncstorefront.operation.ledger.PendingOperation;
import io.asyncstorefront.operation.ledger.PlacedOperation;
import io.asyncstorefront.operation.metrics.OperationMetrics;
import io.asyncstorefront.operation.state.OperationCancelled;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies batches of operations, each in one transaction that also records their final states.
 * <p>
 * Order: an aggregate's progress row says up to which sequence number its changes are final. A batch locks the
 * progress rows of the aggregates it changes for update and applies, for each, every unfinished operation from there
 * up to the batch's last one, and every reader of the aggregate still to apply before that, pulling in predecessors
 * whose messages are late or lost; no history is scanned. It locks the progress rows of the aggregates it only reads
 * for share, so that readers of one aggregate run side by side, and applies their changes first where they are not
 * final. The operations are applied in rounds ({@link Rounds}). Operations that are already final are skipped, so a
 * duplicate delivery changes nothing.
 * <p>
 * Locks: a batch takes its first locks in key order and waits for them; a lock it finds it needs later never waits
 * (another batch may wait for one it holds): when one is taken, the batch rolls back and starts again, taking that one
 * with its first.
 * <p>
 * Isolation: a logical failure is its command's outcome. A system failure rolls the batch back; the operation whose
 * handler call failed (or, when that is not known, each half of the batch in turn) is found, its attempt is counted,
 * and the rest of the batch is applied without it and without the later operations that depend on it.
 */
@ApplicationScoped
public class OperationProcessor {

    private static final Logger LOG = Logger.getLogger(OperationProcessor.class);

    private final BatchStatements batchStatements;
    private final FailedAttempts failedAttempts;
    private final OperationStates states;
    private final HandlerCalls handlers;
    private final OperationsConfig config;
    private final OperationMetrics metrics;

    public OperationProcessor(BatchStatements batchStatements, FailedAttempts failedAttempts, OperationStates states,
            CommandRegistry registry, ObjectMapper mapper, OperationsConfig config, OperationMetrics metrics) {
        this.batchStatements = batchStatements;
        this.failedAttempts = failedAttempts;
        this.states = states;
        this.handlers = new HandlerCalls(registry::handlerOf, mapper, config.processing().maxAttempts());
        this.config = config;
        this.metrics = metrics;
    }

    /** Applies the operations in transactions of their own. Never fails: system failures are counted and retried. */
    public Uni<Void> process(List<String> operationIds) {
        return attempt(operationIds)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "A batch of %d operations could not be processed; the relay retries it",
                            operationIds.size());
                    return null;
                });
    }

    /**
     * Applies an operation that the caller's transaction has just recorded, after the unfinished operations of its
     * aggregates, and answers its final state; fails with the transaction on a system failure.
     */
    public Uni<OperationStateInterface> applyWithin(PlacedOperation operation) {
        Batch batch = new Batch(List.of(operation.operationId()), Set.of(), Map.of());
        PendingOperation pending = operation.operation();
        operation.applied().forEach((key, applied) -> batch.locked(key, applied, pending.sequences().containsKey(key)));
        if (operation.isNext()) {
            batch.found.put(operation.operationId(), pending);
            batch.readUpTo.putAll(pending.sequences());
        }
        return applyUpTo(batch, Needs.of(List.of(new OperationPlaces(pending.sequences(), pending.reads()))))
                .invoke(() -> measure(batch))
                .map(ignored -> batch.states.stream().filter(state -> state.operationId().equals(operation.operationId()))
                        .findFirst().map(FinalState::state).orElseThrow(
                                () -> new IllegalStateException("No state for operation " + operation.operationId())));
    }

    private Uni<Void> attempt(List<String> operationIds) {
        return attempt(operationIds, Set.of(), Map.of());
    }

    /**
     * One transaction for the operations, without the held ones and those that depend on them; {@code firstLocks} are
     * progress rows to lock with the batch's own (true: for update), found taken in an earlier attempt.
     */
    private Uni<Void> attempt(List<String> operationIds, Set<String> held, Map<String, Boolean> firstLocks) {
        Batch batch = new Batch(operationIds, held, firstLocks);
        return Panache.withTransaction(() -> apply(batch))
                .invoke(() -> measure(batch))
                .onFailure(LockTaken.class).recoverWithUni(taken -> {
                    Map<String, Boolean> locks = new HashMap<>(firstLocks);
                    ((LockTaken) taken).locks.forEach((key, exclusive) -> locks.merge(key, exclusive, Boolean::logicalOr));
                    return attempt(operationIds, held, locks);
                })
                .onFailure(failure -> !(failure instanceof LockTaken))
                .recoverWithUni(failure -> isolate(batch, failure));
    }

    private void measure(Batch batch) {
        if (batch.plan.isEmpty()) {
            return;
        }
        metrics.batch(batch.plan.size());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - batch.started);
        Map<String, FinalState> states = new HashMap<>();
        batch.states.forEach(state -> states.put(state.operationId(), state));
        for (PendingOperation operation : batch.plan) {
            FinalState state = states.get(operation.id());
            metrics.finished(operation.commandType(), state != null && state.state() instanceof OperationFailed,
                    operation.waited().plus(elapsed));
        }
    }

    private Uni<Void> isolate(Batch batch, Throwable failure) {
        Optional<PendingOperation> culprit = batch.culprit();
        if (culprit.isPresent()) {
            String id = culprit.get().id();
            LOG.warnf(failure, "Applying operation %s failed; it will be retried", id);
            List<String> rest = batch.ids.stream().filter(other -> !other.equals(id)).toList();
            Set<String> held = new HashSet<>(batch.held);
            held.add(id);
            return countAttempt(id, failure)
                    .chain(() -> rest.isEmpty() ? Uni.createFrom().voidItem() : attempt(rest, held, Map.of()));
        }
        if (batch.ids.size() > 1) {
            int half = batch.ids.size() / 2;
            List<String> first = batch.ids.subList(0, half);
            List<String> second = batch.ids.subList(half, batch.ids.size());
            return attempt(first, batch.held, Map.of()).chain(() -> attempt(second, batch.held, Map.of()));
        }
        LOG.warnf(failure, "Applying operation %s failed; it will be retried", batch.ids.get(0));
        return countAttempt(batch.ids.get(0), failure);
    }

    private Uni<Void> countAttempt(String operationId, Throwable failure) {
        return failedAttempts.record(operationId, String.valueOf(failure)).onFailure().recoverWithItem(nested -> {
            LOG.warnf("Could not count the failed attempt of operation %s: %s", operationId, nested);
            return null;
        });
    }

    private Uni<Void> apply(Batch batch) {
        return batchStatements.preferIndexes().chain(() -> batchStatements.placesOf(batch.ids))
                .chain(places -> applyUpTo(batch, Needs.of(places.values())));
    }

    /** Applies what the needs name: the unfinished changes and readers of the aggregates up to the sequence numbers. */
    private Uni<Void> applyUpTo(Batch batch, Needs needs) {
        Map<String, Boolean> first = new HashMap<>(batch.firstLocks);
        needs.upTo.keySet().forEach(key -> first.merge(key, needs.exclusive.contains(key), Boolean::logicalOr));
        first.keySet().removeAll(batch.applied.keySet());
        Uni<Void> locked = first.isEmpty() ? Uni.createFrom().voidItem()
                : batchStatements.lockProgress(first, true).invoke(progress -> progress
                        .forEach((key, applied) -> batch.locked(key, applied, first.get(key))))
                        .replaceWithVoid();
        return locked.chain(() -> collect(batch, needs))
                .chain(() -> applyInRounds(batch)).invoke(batch.states::addAll)
                .chain(states -> batchStatements.recordFinal(states, batch.progress))
                .replaceWithVoid();
    }

    /**
     * Locks what the needs name and the batch does not hold yet, without waiting, and reads the unfinished operations
     * up to the needed sequence numbers; again for what the operations so found need, until nothing new is needed. An
     * aggregate that the batch holds for share but whose earlier changes are not final is locked for update.
     */
    private Uni<Void> collect(Batch batch, Needs needs) {
        Map<String, Boolean> toLock = new HashMap<>();
        needs.upTo.forEach((key, upTo) -> {
            boolean exclusive = needs.exclusive.contains(key)
                    || (batch.applied.containsKey(key) && batch.applied.get(key) < upTo);
            if (!batch.applied.containsKey(key) || (exclusive && !batch.exclusive.contains(key))) {
                toLock.put(key, exclusive);
            }
        });
        Uni<Void> locked = toLock.isEmpty() ? Uni.createFrom().voidItem()
                : batchStatements.lockProgress(toLock, false).invoke(progress -> {
                    if (progress.size() < toLock.size()) {
                        throw new LockTaken(toLock);
                    }
                    progress.forEach((key, applied) -> batch.locked(key, applied, toLock.get(key)));
                }).replaceWithVoid();
        return locked.chain(() -> {
            Set<String> upgraded = new HashSet<>();
            toLock.forEach((key, exclusive) -> {
                if (!exclusive && batch.applied.get(key) < needs.upTo.get(key)) {
                    upgraded.add(key);
                }
            });
            if (!upgraded.isEmpty()) {
                needs.exclusive.addAll(upgraded);
                return collect(batch, needs);
            }
            List<AggregateRange> ranges = new ArrayList<>();
            needs.upTo.forEach((key, upTo) -> {
                long from = batch.readFrom(key);
                if (batch.exclusive.contains(key) && upTo > from) {
                    ranges.add(new AggregateRange(key, from, upTo));
                    batch.readUpTo.put(key, upTo);
                }
            });
            if (ranges.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return batchStatements.inRanges(ranges).chain(found -> {
                Needs further = new Needs();
                for (PendingOperation operation : found) {
                    batch.found.putIfAbsent(operation.id(), operation);
                    if (operation.status().isFinal()) {
                        continue;
                    }
                    operation.sequences().forEach((key, sequence) -> {
                        if (!batch.exclusive.contains(key) || sequence > batch.readFrom(key)) {
                            further.need(key, sequence, true);
                        }
                    });
                    operation.reads().forEach((key, after) -> {
                        if (!batch.applied.containsKey(key) || after > batch.readFrom(key)) {
                            further.need(key, after, false);
                        }
                    });
                }
                return further.upTo.isEmpty() ? Uni.createFrom().voidItem() : collect(batch, further);
            });
        });
    }

    private Uni<List<FinalState>> applyInRounds(Batch batch) {
        Rounds plan = Rounds.plan(batch.found.values(), batch.held);
        batch.plan.addAll(plan.planned());
        batch.progress = plan.progress(batch.readUpTo);
        Map<String, OperationStateInterface> decided = new HashMap<>();
        Uni<List<FinalState>> states = precedingStepsOutside(batch).invoke(decided::putAll)
                .map(earlier -> new ArrayList<>());
        for (List<PendingOperation> round : plan.rounds()) {
            states = states.chain(done -> {
                Map<String, List<PendingOperation>> byType = new LinkedHashMap<>();
                for (PendingOperation operation : round) {
                    Optional<FinalState> blocked = blockedByItsGroup(operation, decided);
                    if (blocked.isPresent()) {
                        done.add(blocked.get());
                        decided.put(operation.id(), blocked.get().state());
                    } else {
                        byType.computeIfAbsent(operation.commandType(), type -> new ArrayList<>()).add(operation);
                    }
                }
                Uni<List<FinalState>> applied = Uni.createFrom().item(done);
                for (List<PendingOperation> sameType : byType.values()) {
                    applied = applied.chain(soFar -> {
                        batch.current = sameType;
                        return handlers.apply(sameType).map(outcomes -> {
                            batch.current = List.of();
                            outcomes.forEach(state -> decided.put(state.operationId(), state.state()));
                            soFar.addAll(outcomes);
                            return soFar;
                        });
                    });
                }
                return applied;
            });
        }
        return states;
    }

    /** The states of the steps that the batch's group steps follow but that the batch does not apply itself. */
    private Uni<Map<String, OperationStateInterface>> precedingStepsOutside(Batch batch) {
        Set<String> planned = new HashSet<>();
        batch.plan.forEach(operation -> planned.add(operation.id()));
        List<String> outside = batch.plan.stream().map(PendingOperation::precedingStep)
                .filter(step -> step != null && !planned.contains(step)).distinct().toList();
        if (outside.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return states.states(outside).map(found -> {
            Map<String, OperationStateInterface> byId = new HashMap<>();
            for (int i = 0; i < outside.size(); i++) {
                if (found.get(i) != null) {
                    byId.put(outside.get(i), found.get(i));
                }
            }
            return byId;
        });
    }

    /**
     * A step of an ordered group whose preceding step failed or was cancelled fails without being applied, naming the
     * step that failed or was cancelled first. The aggregate order has already made the preceding step final.
     */
    private static Optional<FinalState> blockedByItsGroup(PendingOperation operation,
            Map<String, OperationStateInterface> decided) {
        OperationStateInterface preceding = operation.precedingStep() == null ? null
                : decided.get(operation.precedingStep());
        PrecedingStepFailedReport report;
        if (preceding instanceof OperationCancelled) {
            report = PrecedingStepFailedReport.cancelled(operation.precedingStep());
        } else if (preceding instanceof OperationFailed failed) {
            report = failed.getFailures().stream().filter(PrecedingStepFailedReport.class::isInstance)
                    .map(PrecedingStepFailedReport.class::cast).findFirst()
                    .orElse(PrecedingStepFailedReport.after(operation.precedingStep()));
        } else {
            return Optional.empty();
        }
        OperationStateInterface state = new OperationFailed(operation.id(), List.of(report));
        return Optional.of(new FinalState(operation.id(), state));
    }

    /** What one attempt at a batch has learnt, so that a failure can be traced to the operation that caused it. */
    private static final class Batch {

        final List<String> ids;
        final Set<String> held;
        final Map<String, Boolean> firstLocks;
        /** For each aggregate whose progress row the batch holds, how far its changes are final. */
        final Map<String, Long> applied = new HashMap<>();
        /** The aggregates whose progress rows the batch holds for update. */
        final Set<String> exclusive = new HashSet<>();
        final Map<String, Long> readUpTo = new HashMap<>();
        final Map<String, PendingOperation> found = new LinkedHashMap<>();
        final List<PendingOperation> plan = new ArrayList<>();
        final List<FinalState> states = new ArrayList<>();
        final long started = System.nanoTime();
        List<PendingOperation> current = List.of();
        /** The progress to record, once planned: how far the changes of the aggregates held for update are final. */
        Map<String, Long> progress = Map.of();

        Batch(Collection<String> ids, Set<String> held, Map<String, Boolean> firstLocks) {
            this.ids = List.copyOf(new LinkedHashSet<>(ids));
            this.held = held;
            this.firstLocks = firstLocks;
        }

        void locked(String key, long appliedUpTo, boolean forUpdate) {
            applied.put(key, appliedUpTo);
            if (forUpdate) {
                exclusive.add(key);
            }
        }

        /** The sequence number after which the aggregate's operations are still to be read (the aggregate is held). */
        long readFrom(String key) {
            long appliedUpTo = applied.get(key);
            return Math.max(appliedUpTo, readUpTo.getOrDefault(key, appliedUpTo));
        }

        /** The operation that failed: the only one of the failing handler call, or the only one to apply. */
        Optional<PendingOperation> culprit() {
            if (current.size() == 1) {
                return Optional.of(current.get(0));
            }
            return plan.size() == 1 ? Optional.of(plan.get(0)) : Optional.empty();
        }
    }

    /** What a batch needs: for each aggregate, the sequence number up to which it waits, and whether it changes it. */
    private static final class Needs {

        final Map<String, Long> upTo = new HashMap<>();
        final Set<String> exclusive = new HashSet<>();

        static Needs of(Collection<OperationPlaces> places) {
            Needs needs = new Needs();
            places.forEach(of -> {
                of.sequences().forEach((key, sequence) -> needs.need(key, sequence, true));
                of.reads().forEach((key, after) -> needs.need(key, after, false));
            });
            return needs;
        }

        void need(String key, long sequence, boolean changes) {
            upTo.merge(key, sequence, Math::max);
            if (changes) {
                exclusive.add(key);
            }
        }
    }

    /** A progress row that the batch needs is held by another batch: the attempt is rolled back and started again. */
    private static final class LockTaken extends RuntimeException {

        final Map<String, Boolean> locks;

        LockTaken(Map<String, Boolean> locks) {
            super("Progress rows held by another batch: " + locks.keySet(), null, false, false);
            this.locks = Map.copyOf(locks);
        }
    }
}
