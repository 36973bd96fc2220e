package io.asyncstorefront.catalog.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

public record DeleteProducts(List<String> input) implements BatchCommand<String> {

    @Override
    public Set<String> aggregateKeys() {
        return input.stream().map(ProductKeys::of).collect(Collectors.toSet());
    }
}
