package io.asyncstorefront.catalog.command;

import io.asyncstorefront.operation.command.AggregateKind;
import io.asyncstorefront.persistence.Columns;

/** The keys by which operations on products are ordered. */
public final class ProductKeys {

    private static final AggregateKind PRODUCT = new AggregateKind("Product", Columns.SKU);

    private ProductKeys() {
    }

    public static String of(String sku) {
        return PRODUCT.key(sku);
    }

    /** The references that carts hold to products, as a whole (see {@link AggregateKind#references()}). */
    public static String references() {
        return PRODUCT.references();
    }
}
