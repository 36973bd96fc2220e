package io.asyncstorefront.cart.command;

import java.util.Set;

import io.asyncstorefront.operation.command.Command;

/** A command on one cart: the commands of a cart are applied in the order they were accepted. */
public interface CartCommand extends Command {

    String cartMask();

    @Override
    default Set<String> aggregateKeys() {
        return Set.of(CartBatch.key(cartMask()));
    }
}
