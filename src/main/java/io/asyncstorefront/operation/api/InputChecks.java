package io.asyncstorefront.operation.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.mutiny.Uni;

/** Checks on mutation arguments that bean validation cannot express; a failure records nothing. */
public final class InputChecks {

    /** What every batch mutation's input argument says of itself. */
    public static final String BATCH_INPUT = "The entries of the batch: at least 1, at most operations.batch.max-inputs "
            + "(default " + OperationsConfig.Batch.DEFAULT_MAX_INPUTS + ", configurable per mutation).";
    /** The limit of every argument listing operation identifiers, and its default. */
    public static final String MAX_IDENTIFIERS = "operations.queue.max-identifiers (default "
            + OperationsConfig.Queue.DEFAULT_MAX_IDENTIFIERS + ")";
    /** What every argument listing operation identifiers says of itself. */
    public static final String OPERATION_IDENTIFIERS = "The identifiers of the operations, as their mutations "
            + "answered them: at most " + MAX_IDENTIFIERS + ".";

    private InputChecks() {
    }

    /** Fails when a list argument has more entries than its limit, naming both. */
    public static Uni<Void> atMost(List<?> entries, int max, String argument) {
        return entries.size() <= max ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(InvalidInputException.tooMany(argument, max,
                        " has " + entries.size() + " entries; the maximum is " + max));
    }

    /** Fails when two entries have the same key, naming the later one, for example input[3].sku. */
    public static <T> Uni<Void> distinct(List<T> entries, Function<T, ?> key, String argument, String field) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object value = key.apply(entries.get(i));
            if (!seen.add(value)) {
                String path = argument + "[" + i + "]" + (field.isEmpty() ? "" : "." + field);
                return Uni.createFrom().failure(InvalidInputException.of(path, ": " + value + " appears more than once"));
            }
        }
        return Uni.createFrom().voidItem();
    }
}
