package io.asyncstorefront.customer.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

public record DeleteCustomers(List<String> input) implements BatchCommand<String> {

    @Override
    public Set<String> aggregateKeys() {
        return input.stream().map(CustomerKeys::of).collect(Collectors.toSet());
    }
}
