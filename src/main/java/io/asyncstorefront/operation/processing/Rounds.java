package io.asyncstorefront.operation.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.asyncstorefront.operation.ledger.PendingOperation;

/**
 * The order in which a batch applies the operations it found: in rounds, an operation in the round after the last one
 * that changes what it reads, or reads or changes what it changes, so that within a round each command type's handler
 * takes all its commands at once. Operations held after a failure, and those that depend on them, are left out, and
 * the progress to record stops before them.
 */
final class Rounds {

    private final List<List<PendingOperation>> rounds = new ArrayList<>();
    private final List<PendingOperation> planned = new ArrayList<>();
    private final Map<String, Long> firstWaiting = new HashMap<>();

    private Rounds() {
    }

    /** Plans the unfinished operations among those found, in acceptance order, leaving out the held ones. */
    static Rounds plan(Collection<PendingOperation> found, Set<String> held) {
        Rounds plan = new Rounds();
        Map<String, Integer> lastChange = new HashMap<>();
        Map<String, Integer> lastUse = new HashMap<>();
        Set<String> changedByHeld = new HashSet<>();
        Set<String> usedByHeld = new HashSet<>();
        found.stream().filter(operation -> !operation.status().isFinal())
                .sorted(Comparator.comparingLong(PendingOperation::acceptedSequence))
                .forEach(operation -> {
                    if (held.contains(operation.id())
                            || operation.sequences().keySet().stream().anyMatch(usedByHeld::contains)
                            || operation.reads().keySet().stream().anyMatch(changedByHeld::contains)) {
                        plan.leaveOut(operation, changedByHeld, usedByHeld);
                        return;
                    }
                    int round = Math.max(
                            operation.sequences().keySet().stream()
                                    .mapToInt(key -> lastUse.getOrDefault(key, -1) + 1).max().orElse(0),
                            operation.reads().keySet().stream()
                                    .mapToInt(key -> lastChange.getOrDefault(key, -1) + 1).max().orElse(0));
                    operation.sequences().keySet().forEach(key -> {
                        lastChange.put(key, round);
                        lastUse.put(key, round);
                    });
                    operation.reads().keySet().forEach(key -> lastUse.merge(key, round, Math::max));
                    while (plan.rounds.size() <= round) {
                        plan.rounds.add(new ArrayList<>());
                    }
                    plan.rounds.get(round).add(operation);
                    plan.planned.add(operation);
                });
        return plan;
    }

    private void leaveOut(PendingOperation operation, Set<String> changedByHeld, Set<String> usedByHeld) {
        operation.sequences().forEach((key, sequence) -> {
            changedByHeld.add(key);
            usedByHeld.add(key);
            firstWaiting.merge(key, sequence - 1, Math::min);
        });
        operation.reads().forEach((key, after) -> {
            usedByHeld.add(key);
            firstWaiting.merge(key, after, Math::min);
        });
    }

    /** The rounds, each to be applied after the one before it. */
    List<List<PendingOperation>> rounds() {
        return rounds;
    }

    /** The operations that the rounds apply, in acceptance order. */
    List<PendingOperation> planned() {
        return planned;
    }

    /**
     * The progress to record, from how far the batch read each aggregate: it stops before the first change left out,
     * and at the changes that a reader left out waits for.
     */
    Map<String, Long> progress(Map<String, Long> readUpTo) {
        Map<String, Long> progress = new HashMap<>(readUpTo);
        firstWaiting.forEach((key, last) -> progress.computeIfPresent(key, (ignored, upTo) -> Math.min(upTo, last)));
        return progress;
    }
}
