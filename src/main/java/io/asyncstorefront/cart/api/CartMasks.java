package io.asyncstorefront.cart.api;

import io.asyncstorefront.persistence.Columns;

/** The form of a cart mask, which the client chooses. */
final class CartMasks {

    static final String PATTERN = "[A-Za-z0-9_-]{1," + Columns.CART_MASK + "}";
    static final String DESCRIPTION = "The mask the client chose for the cart when it created it: 1 to "
            + Columns.CART_MASK + " letters, digits, '-' or '_'.";
    static final String MESSAGE = "must be 1 to " + Columns.CART_MASK + " letters, digits, '-' or '_'";

    private CartMasks() {
    }
}
