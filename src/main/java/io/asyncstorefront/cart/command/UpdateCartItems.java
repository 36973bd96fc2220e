package io.asyncstorefront.cart.command;

import java.util.List;

public record UpdateCartItems(List<Entry> input) implements CartBatch<UpdateCartItems.Entry> {

    public record Entry(String cartMask, String sku, int qty) implements CartBatch.Entry {
    }
}
