package io.asyncstorefront.cart.command;

import io.asyncstorefront.operation.command.Command;

/** A command on one cart: the commands of a cart are applied in the order they were accepted. */
public interface CartCommand extends Command {

    String cartMask();

    @Override
    default String aggregateKey() {
        return "Cart:" + cartMask();
    }
}
