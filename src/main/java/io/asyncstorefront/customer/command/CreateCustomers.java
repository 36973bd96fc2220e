package io.asyncstorefront.customer.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

public record CreateCustomers(List<Entry> input) implements BatchCommand<CreateCustomers.Entry> {

    public record Entry(String email, String firstname, String lastname) {
    }

    @Override
    public Set<String> aggregateKeys() {
        return input.stream().map(entry -> CustomerKeys.of(entry.email())).collect(Collectors.toSet());
    }
}
