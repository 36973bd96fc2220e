package io.asyncstorefront.customer.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

/** Changes the given names of customers; a null name stays as it is. */
public record UpdateCustomers(List<Entry> input) implements BatchCommand<UpdateCustomers.Entry> {

    public record Entry(String email, String firstname, String lastname) {
    }

    @Override
    public Set<String> aggregateKeys() {
        return input.stream().map(entry -> CustomerKeys.of(entry.email())).collect(Collectors.toSet());
    }
}
