package io.asyncstorefront.cart.command;

import java.util.List;

public record AssignCustomersToCarts(List<Entry> input) implements CartBatch<AssignCustomersToCarts.Entry> {

    public record Entry(String cartMask, String email) implements CartBatch.Entry {
    }
}
