package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncstorefront.catalog.command.ProductKeys;

public record RemoveProductsFromCarts(List<Entry> input) implements CartBatch<RemoveProductsFromCarts.Entry> {

    @Override
    public Set<String> readKeys() {
        return input.stream().flatMap(entry -> entry.skus().stream()).map(ProductKeys::of).collect(Collectors.toSet());
    }

    public record Entry(String cartMask, List<String> skus) implements CartBatch.Entry {
    }
}
