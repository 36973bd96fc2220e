package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Set;

import io.asyncstorefront.catalog.command.ProductKeys;
import io.asyncstorefront.customer.command.CustomerKeys;

public record DeleteCarts(List<Entry> input) implements CartBatch<DeleteCarts.Entry> {

    /** A deleted cart drops its references to products and to its customer, which it cannot name. */
    @Override
    public Set<String> readKeys() {
        return Set.of(ProductKeys.references(), CustomerKeys.references());
    }

    public record Entry(String cartMask) implements CartBatch.Entry {
    }
}
