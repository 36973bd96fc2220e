package io.asyncstorefront.cart.command;

import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.AggregateKind;
import io.asyncstorefront.operation.command.BatchCommand;
import io.asyncstorefront.persistence.Columns;

/** A batch of entries, each about one cart; the operation is ordered after the earlier operations of every cart. */
public interface CartBatch<E extends CartBatch.Entry> extends BatchCommand<E> {

    interface Entry {
        String cartMask();
    }

    @Override
    default Set<String> aggregateKeys() {
        return input().stream().map(entry -> key(entry.cartMask())).collect(Collectors.toSet());
    }

    AggregateKind CART = new AggregateKind("Cart", Columns.CART_MASK);

    static String key(String cartMask) {
        return CART.key(cartMask);
    }
}
