package io.asyncstorefront.cart.command;

import java.util.List;

public record DeleteCarts(List<Entry> input) implements CartBatch<DeleteCarts.Entry> {

    public record Entry(String cartMask) implements CartBatch.Entry {
    }
}
