package io.asyncstorefront.customer.command;

import io.asyncstorefront.operation.command.AggregateKind;
import io.asyncstorefront.persistence.Columns;

/** The keys by which operations on customers are ordered. */
public final class CustomerKeys {

    private static final AggregateKind CUSTOMER = new AggregateKind("Customer", Columns.EMAIL);

    private CustomerKeys() {
    }

    public static String of(String email) {
        return CUSTOMER.key(email);
    }

    /** The references that carts hold to customers, as a whole (see {@link AggregateKind#references()}). */
    public static String references() {
        return CUSTOMER.references();
    }
}
