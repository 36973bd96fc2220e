package io.asyncstorefront.customer.command;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

public record DeleteCustomers(List<String> input) implements BatchCommand<String> {

    /** Besides its customers, every reference to customers: a deletion checks that no cart is assigned to them. */
    @Override
    public Set<String> aggregateKeys() {
        Set<String> keys = input.stream().map(CustomerKeys::of).collect(Collectors.toCollection(HashSet::new));
        keys.add(CustomerKeys.references());
        return keys;
    }
}
