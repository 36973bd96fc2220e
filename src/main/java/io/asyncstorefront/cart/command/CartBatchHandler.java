package io.asyncstorefront.cart.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.view.CartConnectionNode;
import io.asyncstorefront.cart.view.CartSaveOperationCompleted;
import io.asyncstorefront.cart.view.CartsMutationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * A handler of a cart batch: loads every named cart with its items in one statement, reports each entry whose cart
 * does not exist, lets the subclass check the other entries and, only when no entry is wrong, change the carts.
 */
abstract class CartBatchHandler<C extends CartBatch<E>, E extends CartBatch.Entry> implements CommandHandler<C> {

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
        List<String> masks = command.input().stream().map(CartBatch.Entry::cartMask).distinct().toList();
        return carts.findStates(masks).chain(found -> {
            List<FailureReportInterface> failures = new ArrayList<>();
            for (int i = 0; i < command.input().size(); i++) {
                String mask = command.input().get(i).cartMask();
                if (!found.containsKey(mask)) {
                    failures.add(new LogicalErrorReport("No such entity with cartMask " + mask, i));
                }
            }
            return check(command, found, failures).chain(() -> {
                if (!failures.isEmpty()) {
                    failures.sort(Comparator.comparing(CartBatchHandler::inputIndex));
                    return Uni.createFrom().item(Outcome.failed(failures));
                }
                return change(command, found).map(changed -> completed(nodes(command, found)));
            });
        });
    }

    /** Adds a report for each wrong entry whose cart exists; must not write. */
    protected abstract Uni<Void> check(C command, Map<String, CartState> carts, List<FailureReportInterface> failures);

    /**
     * Writes the changes of a valid command and applies them to the loaded carts, which then make the result; a
     * deletion leaves them as they were.
     */
    protected abstract Uni<Void> change(C command, Map<String, CartState> carts);

    /** One cart: the seed's CartSaveOperationCompleted; several: CartsMutationCompleted. */
    private static Outcome completed(List<CartConnectionNode> carts) {
        return carts.size() == 1
                ? identifier -> new CartSaveOperationCompleted(identifier, carts.get(0))
                : identifier -> new CartsMutationCompleted(identifier, carts);
    }

    private static List<CartConnectionNode> nodes(CartBatch<?> command, Map<String, CartState> carts) {
        return command.input().stream().map(CartBatch.Entry::cartMask).distinct()
                .map(carts::get).filter(Objects::nonNull).map(CartConnectionNode::of).toList();
    }

    protected static List<Long> ids(Map<String, CartState> carts) {
        return carts.values().stream().map(cart -> cart.id).toList();
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
