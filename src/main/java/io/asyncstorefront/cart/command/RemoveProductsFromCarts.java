package io.asyncstorefront.cart.command;

import java.util.List;

public record RemoveProductsFromCarts(List<Entry> input) implements CartBatch<RemoveProductsFromCarts.Entry> {

    public record Entry(String cartMask, List<String> skus) implements CartBatch.Entry {
    }
}
