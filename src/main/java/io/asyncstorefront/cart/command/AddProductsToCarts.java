package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.catalog.command.ProductKeys;

public record AddProductsToCarts(List<Entry> input) implements CartBatch<AddProductsToCarts.Entry> {

    @Override
    public Set<String> readKeys() {
        return input.stream().flatMap(entry -> entry.items().stream())
                .map(line -> ProductKeys.of(line.sku())).collect(Collectors.toSet());
    }

    public record Entry(String cartMask, List<Line> items) implements CartBatch.Entry {
    }

    public record Line(String sku, int qty) {
    }
}
