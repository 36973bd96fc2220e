package io.asyncstorefront.cart.command;

import java.util.List;

public record UpdateCartNotes(List<Entry> input) implements CartBatch<UpdateCartNotes.Entry> {

    public record Entry(String cartMask, String notes) implements CartBatch.Entry {
    }
}
