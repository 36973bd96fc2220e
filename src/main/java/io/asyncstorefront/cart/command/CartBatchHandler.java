package io.asyncstorefront.cart.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.view.CartSaveOperationCompleted;
import io.asyncstorefront.cart.view.CartSnapshot;
import io.asyncstorefront.cart.view.CartsMutationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * A handler of cart batches: loads every cart that its commands name, with the carts' items, in one statement, and
 * what the checks need in one more ({@link #lookup}); reports each entry whose cart does not exist, lets the subclass
 * check the other entries and, for each command with no wrong entry, gather the rows it writes; then writes the rows of
 * all those commands together, with the subclass's own statement ({@link #write}). A command with a wrong entry changes
 * nothing.
 *
 * @param <L> what the checks look up for all commands at once
 * @param <R> a row that the subclass's statement writes
 */
abstract class CartBatchHandler<C extends CartBatch<E>, E extends CartBatch.Entry, L, R> implements CommandHandler<C> {

    /** The most units of one product that a cart holds. */
    static final int MAX_QTY = 10_000;

    protected final CartRepository carts;

    protected CartBatchHandler(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(CartSaveOperationCompleted.class, CartsMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(C command) {
        return applyAll(List.of(command)).map(outcomes -> outcomes.get(0));
    }

    @Override
    public Uni<List<Outcome>> applyAll(List<C> commands) {
        List<String> masks = commands.stream().flatMap(command -> command.input().stream())
                .map(CartBatch.Entry::cartMask).distinct().toList();
        return carts.findStates(masks).chain(found -> lookup(commands).chain(lookups -> {
            List<R> rows = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>(commands.size());
            for (C command : commands) {
                List<FailureReportInterface> failures = new ArrayList<>();
                for (int i = 0; i < command.input().size(); i++) {
                    String mask = command.input().get(i).cartMask();
                    if (!found.containsKey(mask)) {
                        failures.add(new LogicalErrorReport("No such entity with cartMask " + mask, i));
                    }
                }
                check(command, found, lookups, failures);
                if (failures.isEmpty()) {
                    change(command, found, rows);
                    outcomes.add(completed(nodes(command, found)));
                } else {
                    failures.sort(Comparator.comparing(CartBatchHandler::inputIndex));
                    outcomes.add(Outcome.failed(failures));
                }
            }
            return (rows.isEmpty() ? Uni.createFrom().voidItem() : write(rows)).replaceWith(outcomes);
        }));
    }

    /** Reads, for all commands at once, what {@link #check} needs; nothing by default. */
    protected Uni<L> lookup(List<C> commands) {
        return Uni.createFrom().nullItem();
    }

    /** Adds a report for each wrong entry whose cart exists; must not change anything. */
    protected abstract void check(C command, Map<String, CartState> carts, L lookups, List<FailureReportInterface> failures);

    /**
     * Gathers the rows that a valid command writes and applies its changes to the loaded carts, which then make the
     * result; a deletion leaves them as they were.
     */
    protected abstract void change(C command, Map<String, CartState> carts, List<R> rows);

    /** Writes the rows of all the valid commands, in one statement (and one more to mark changed carts). */
    protected abstract Uni<Void> write(List<R> rows);

    /** One cart: the seed's CartSaveOperationCompleted; several: CartsMutationCompleted. */
    private static Outcome completed(List<CartSnapshot> carts) {
        return carts.size() == 1
                ? identifier -> new CartSaveOperationCompleted(identifier, carts.get(0))
                : identifier -> new CartsMutationCompleted(identifier, carts);
    }

    private static List<CartSnapshot> nodes(CartBatch<?> command, Map<String, CartState> carts) {
        return command.input().stream().map(CartBatch.Entry::cartMask).distinct()
                .map(carts::get).filter(Objects::nonNull).map(CartSnapshot::of).toList();
    }

    private static int inputIndex(FailureReportInterface report) {
        if (report instanceof LogicalErrorReport logical && logical.getInputIndex() != null) {
            return logical.getInputIndex();
        }
        if (report instanceof ValidationErrorReport validation && validation.getInputIndex() != null) {
            return validation.getInputIndex();
        }
        return Integer.MAX_VALUE;
    }
}
