package io.asyncstorefront.cart.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of an ordered cart group, by their field names in the schema: each maps to its command in
 * {@link CartSteps}, by a switch without a default, so that a new step without a command does not compile.
 */
enum CartStep {
    ADD_PRODUCTS(CartSteps.ADD_PRODUCTS),
    UPDATE_ITEMS(CartSteps.UPDATE_ITEMS),
    REMOVE_PRODUCTS(CartSteps.REMOVE_PRODUCTS),
    ASSIGN_CUSTOMER(CartSteps.ASSIGN_CUSTOMER);

    private final String field;

    CartStep(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    /** The step of a field of a cart group; none for another field (__typename). */
    static Optional<CartStep> ofField(String name) {
        return Arrays.stream(values()).filter(step -> step.field.equals(name)).findFirst();
    }
}
