package io.asyncstorefront.catalog.command;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

public record DeleteProducts(List<String> input) implements BatchCommand<String> {

    /** Besides its products, every reference to products: a deletion checks that no cart holds them. */
    @Override
    public Set<String> aggregateKeys() {
        Set<String> keys = input.stream().map(ProductKeys::of).collect(Collectors.toCollection(HashSet::new));
        keys.add(ProductKeys.references());
        return keys;
    }
}
