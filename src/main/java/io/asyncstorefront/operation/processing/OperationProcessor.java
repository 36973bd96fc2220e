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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.failure.PrecedingStepFailedReport;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.ledger.AggregateRange;
import io.asyncstorefront.operation.ledger.FinalState;
import io.asyncstorefront.operation.ledger.OperationLedger;
import io.asyncstorefront.operation.ledger.PendingOperation;
import io.asyncstorefront.operation.ledger.PlacedOperation;
import io.asyncstorefront.operation.metrics.OperationMetrics;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies batches of operations, each in one transaction that also records their final states.
 * <p>
 * Order: an aggregate's progress row says up to which sequence number its operations are final. A batch locks the
 * progress rows of its aggregates and applies, for each, every unfinished operation from there up to the batch's last
 * one, pulling in predecessors whose messages are late or lost; no history is scanned. The operations are applied in
 * rounds, each round holding at most one operation per aggregate, and within a round each command type's handler
 * takes all its commands at once. Operations that are already final are skipped, so a duplicate delivery changes
 * nothing.
 * <p>
 * Isolation: a logical failure is its command's outcome. A system failure rolls the batch back; the operation whose
 * handler call failed (or, when that is not known, each half of the batch in turn) is found, its attempt is counted,
 * and the rest of the batch is applied without it and without the later operations of its aggregates.
 */
@ApplicationScoped
public class OperationProcessor {

    private static final Logger LOG = Logger.getLogger(OperationProcessor.class);

    private final OperationLedger ledger;
    private final CommandRegistry registry;
    private final ObjectMapper mapper;
    private final OperationsConfig config;
    private final OperationMetrics metrics;

    public OperationProcessor(OperationLedger ledger, CommandRegistry registry, ObjectMapper mapper,
            OperationsConfig config, OperationMetrics metrics) {
        this.ledger = ledger;
        this.registry = registry;
        this.mapper = mapper;
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
        Batch batch = new Batch(List.of(operation.operationId()));
        batch.applied.putAll(operation.applied());
        if (operation.isNext()) {
            batch.found.put(operation.operationId(), operation.operation());
            batch.readUpTo.putAll(operation.operation().sequences());
        }
        return applyUpTo(batch, operation.operation().sequences()).invoke(() -> measure(batch))
                .map(ignored -> batch.states.stream().filter(state -> state.operationId().equals(operation.operationId()))
                        .findFirst().map(FinalState::state).orElseThrow(
                                () -> new IllegalStateException("No state for operation " + operation.operationId())));
    }

    private Uni<Void> attempt(List<String> operationIds) {
        Batch batch = new Batch(operationIds);
        return Panache.withTransaction(() -> apply(batch))
                .invoke(() -> measure(batch))
                .onFailure().recoverWithUni(failure -> isolate(batch, failure));
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
            List<String> rest = batch.ids.stream().filter(other -> !batch.heldBackBy(culprit.get()).contains(other))
                    .toList();
            return countAttempt(id, failure).chain(() -> rest.isEmpty() ? Uni.createFrom().voidItem() : attempt(rest));
        }
        if (batch.ids.size() > 1) {
            int half = batch.ids.size() / 2;
            List<String> first = batch.ids.subList(0, half);
            List<String> second = batch.ids.subList(half, batch.ids.size());
            return attempt(first).chain(() -> attempt(second));
        }
        LOG.warnf(failure, "Applying operation %s failed; it will be retried", batch.ids.get(0));
        return countAttempt(batch.ids.get(0), failure);
    }

    private Uni<Void> countAttempt(String operationId, Throwable failure) {
        return ledger.recordFailedAttempt(operationId, String.valueOf(failure)).onFailure().recoverWithItem(nested -> {
            LOG.warnf("Could not count the failed attempt of operation %s: %s", operationId, nested);
            return null;
        });
    }

    private Uni<Void> apply(Batch batch) {
        return ledger.preferIndexes().chain(() -> ledger.sequencesOf(batch.ids)).chain(sequences -> {
            Map<String, Long> wanted = new HashMap<>();
            sequences.values().forEach(of -> of.forEach((key, sequence) -> wanted.merge(key, sequence, Math::max)));
            return applyUpTo(batch, wanted);
        });
    }

    /** Applies the unfinished operations of the wanted aggregates up to the wanted sequence numbers. */
    private Uni<Void> applyUpTo(Batch batch, Map<String, Long> wanted) {
        return collect(batch, wanted).chain(() -> applyInRounds(batch)).invoke(batch.states::addAll)
                .chain(states -> ledger.recordFinal(states, batch.readUpTo))
                .replaceWithVoid();
    }

    /**
     * Locks the progress of the wanted aggregates and reads their operations up to the wanted sequence numbers; again
     * for the aggregates of operations so found that reach further, until nothing new is wanted.
     */
    private Uni<Void> collect(Batch batch, Map<String, Long> wanted) {
        Set<String> unlocked = new HashSet<>(wanted.keySet());
        unlocked.removeAll(batch.applied.keySet());
        Uni<Map<String, Long>> locked = unlocked.isEmpty() ? Uni.createFrom().item(Map.of())
                : ledger.lockProgress(unlocked);
        return locked.chain(progress -> {
            batch.applied.putAll(progress);
            List<AggregateRange> ranges = new ArrayList<>();
            wanted.forEach((key, upTo) -> {
                Long from = batch.readFrom(key);
                if (from != null && upTo > from) {
                    ranges.add(new AggregateRange(key, from, upTo));
                    batch.readUpTo.put(key, upTo);
                }
            });
            if (ranges.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return ledger.inRanges(ranges).chain(found -> {
                Map<String, Long> further = new HashMap<>();
                for (PendingOperation operation : found) {
                    batch.found.putIfAbsent(operation.id(), operation);
                    operation.sequences().forEach((key, sequence) -> {
                        Long from = batch.readFrom(key);
                        if (!batch.applied.containsKey(key) || (from != null && sequence > from)) {
                            further.merge(key, sequence, Math::max);
                        }
                    });
                }
                return further.isEmpty() ? Uni.createFrom().voidItem() : collect(batch, further);
            });
        });
    }

    private Uni<List<FinalState>> applyInRounds(Batch batch) {
        List<List<PendingOperation>> rounds = new ArrayList<>();
        Map<String, Integer> lastRound = new HashMap<>();
        batch.found.values().stream()
                .filter(operation -> !operation.status().isFinal())
                .sorted((a, b) -> Long.compare(a.acceptedSequence(), b.acceptedSequence()))
                .forEach(operation -> {
                    int round = operation.sequences().keySet().stream()
                            .mapToInt(key -> lastRound.getOrDefault(key, -1) + 1).max().orElse(0);
                    operation.sequences().keySet().forEach(key -> lastRound.put(key, round));
                    while (rounds.size() <= round) {
                        rounds.add(new ArrayList<>());
                    }
                    rounds.get(round).add(operation);
                    batch.plan.add(operation);
                });
        Map<String, OperationStateInterface> decided = new HashMap<>();
        Uni<List<FinalState>> states = precedingStepsOutside(batch).invoke(decided::putAll)
                .map(earlier -> new ArrayList<>());
        for (List<PendingOperation> round : rounds) {
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
                        return applyAll(sameType).map(outcomes -> {
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
        return ledger.states(outside).map(states -> {
            Map<String, OperationStateInterface> byId = new HashMap<>();
            for (int i = 0; i < outside.size(); i++) {
                if (states.get(i) != null) {
                    byId.put(outside.get(i), states.get(i));
                }
            }
            return byId;
        });
    }

    /**
     * A step of an ordered group whose preceding step failed fails without being applied, naming the step that failed
     * first. The aggregate order has already made the preceding step final.
     */
    private static Optional<FinalState> blockedByItsGroup(PendingOperation operation,
            Map<String, OperationStateInterface> decided) {
        if (operation.precedingStep() == null
                || !(decided.get(operation.precedingStep()) instanceof OperationFailed preceding)) {
            return Optional.empty();
        }
        String failedStep = preceding.getFailures().stream()
                .filter(PrecedingStepFailedReport.class::isInstance).map(PrecedingStepFailedReport.class::cast)
                .map(PrecedingStepFailedReport::getFailedStep).findFirst().orElse(operation.precedingStep());
        OperationStateInterface state = new OperationFailed(operation.id(),
                List.of(PrecedingStepFailedReport.after(failedStep)));
        return Optional.of(new FinalState(operation.id(), state));
    }

    private Uni<List<FinalState>> applyAll(List<PendingOperation> operations) {
        String type = operations.get(0).commandType();
        Optional<CommandHandler<?>> handler = registry.handlerOf(type);
        if (handler.isEmpty()) {
            return Uni.createFrom().item(operations.stream()
                    .map(operation -> systemFailure(operation, SystemErrorReport.permanent("Unknown command type " + type)))
                    .toList());
        }
        return applyWith(handler.get(), operations);
    }

    private <C extends Command> Uni<List<FinalState>> applyWith(CommandHandler<C> handler,
            List<PendingOperation> operations) {
        List<FinalState> failed = new ArrayList<>();
        List<PendingOperation> applicable = new ArrayList<>();
        List<C> commands = new ArrayList<>();
        for (PendingOperation operation : operations) {
            if (operation.failedAttempts() >= config.processing().maxAttempts()) {
                failed.add(systemFailure(operation, SystemErrorReport.retriable("The operation could not be applied after "
                        + operation.failedAttempts() + " attempts.")));
                continue;
            }
            try {
                commands.add(mapper.readValue(operation.payload(), handler.commandClass()));
                applicable.add(operation);
            } catch (JsonProcessingException e) {
                failed.add(systemFailure(operation, SystemErrorReport.permanent("The command payload cannot be read")));
            }
        }
        if (commands.isEmpty()) {
            return Uni.createFrom().item(failed);
        }
        return handler.applyAll(commands).map(outcomes -> {
            List<FinalState> states = new ArrayList<>(failed);
            for (int i = 0; i < applicable.size(); i++) {
                String id = applicable.get(i).id();
                states.add(new FinalState(id, outcomes.get(i).stateOf(id)));
            }
            return states;
        });
    }

    private static FinalState systemFailure(PendingOperation operation, SystemErrorReport report) {
        OperationStateInterface state = new OperationFailed(operation.id(), List.of(report));
        return new FinalState(operation.id(), state);
    }

    /** What one attempt at a batch has learnt, so that a failure can be traced to the operation that caused it. */
    private static final class Batch {

        final List<String> ids;
        final Map<String, Long> applied = new HashMap<>();
        final Map<String, Long> readUpTo = new HashMap<>();
        final Map<String, PendingOperation> found = new LinkedHashMap<>();
        final List<PendingOperation> plan = new ArrayList<>();
        final List<FinalState> states = new ArrayList<>();
        final long started = System.nanoTime();
        List<PendingOperation> current = List.of();

        Batch(Collection<String> ids) {
            this.ids = List.copyOf(new LinkedHashSet<>(ids));
        }

        /** The sequence number after which the aggregate's operations are still to be read; null if not locked. */
        Long readFrom(String key) {
            Long applied = this.applied.get(key);
            return applied == null ? null : Math.max(applied, readUpTo.getOrDefault(key, applied));
        }

        /** The operation that failed: the only one of the failing handler call, or the only one to apply. */
        Optional<PendingOperation> culprit() {
            if (current.size() == 1) {
                return Optional.of(current.get(0));
            }
            return plan.size() == 1 ? Optional.of(plan.get(0)) : Optional.empty();
        }

        /** The operation and the later operations of the batch that share an aggregate with it, directly or not. */
        Set<String> heldBackBy(PendingOperation culprit) {
            Set<String> held = new HashSet<>(Set.of(culprit.id()));
            Set<String> keys = new HashSet<>(culprit.sequences().keySet());
            for (PendingOperation operation : plan) {
                if (operation.acceptedSequence() > culprit.acceptedSequence()
                        && operation.sequences().keySet().stream().anyMatch(keys::contains)) {
                    held.add(operation.id());
                    keys.addAll(operation.sequences().keySet());
                }
            }
            return held;
        }
    }
}
