package io.asyncstorefront.cart.command;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.customer.command.CustomerKeys;

public record AssignCustomersToCarts(List<Entry> input) implements CartBatch<AssignCustomersToCarts.Entry> {

    /** Its customers, and every reference to customers: assigning a cart anew drops its earlier customer's. */
    @Override
    public Set<String> readKeys() {
        Set<String> keys = input.stream().map(entry -> CustomerKeys.of(entry.email()))
                .collect(Collectors.toCollection(HashSet::new));
        keys.add(CustomerKeys.references());
        return keys;
    }

    public record Entry(String cartMask, String email) implements CartBatch.Entry {
    }
}
