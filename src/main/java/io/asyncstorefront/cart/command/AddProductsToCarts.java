package io.asyncstorefront.cart.command;

import java.util.List;

public record AddProductsToCarts(List<Entry> input) implements CartBatch<AddProductsToCarts.Entry> {

    public record Entry(String cartMask, List<Line> items) implements CartBatch.Entry {
    }

    public record Line(String sku, int qty) {
    }
}
