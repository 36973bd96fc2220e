package io.asyncstorefront.cart.api;

/** The form of a cart mask, which the client chooses. */
final class CartMasks {

    static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    static final String MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

    private CartMasks() {
    }
}
