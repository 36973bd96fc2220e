package io.asyncstorefront.customer.command;

import io.asyncstorefront.operation.command.AggregateKind;
import io.asyncstorefront.persistence.Columns;

final class CustomerKeys {

    private static final AggregateKind CUSTOMER = new AggregateKind("Customer", Columns.EMAIL);

    private CustomerKeys() {
    }

    static String of(String email) {
        return CUSTOMER.key(email);
    }
}
