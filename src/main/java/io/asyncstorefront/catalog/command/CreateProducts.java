package io.asyncstorefront.catalog.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.operation.command.BatchCommand;

public record CreateProducts(List<Entry> input) implements BatchCommand<CreateProducts.Entry> {

    public record Entry(String sku, String name, BigDecimal price) {
    }

    @Override
    public Set<String> aggregateKeys() {
        return input.stream().map(entry -> ProductKeys.of(entry.sku())).collect(Collectors.toSet());
    }
}
