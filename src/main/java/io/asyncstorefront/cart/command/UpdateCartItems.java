package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.catalog.command.ProductKeys;

public record UpdateCartItems(List<Entry> input) implements CartBatch<UpdateCartItems.Entry> {

    @Override
    public Set<String> readKeys() {
        return input.stream().map(entry -> ProductKeys.of(entry.sku())).collect(Collectors.toSet());
    }

    public record Entry(String cartMask, String sku, int qty) implements CartBatch.Entry {
    }
}
