package io.asyncstorefront.catalog.command;

import io.asyncstorefront.operation.command.AggregateKind;
import io.asyncstorefront.persistence.Columns;

final class ProductKeys {

    private static final AggregateKind PRODUCT = new AggregateKind("Product", Columns.SKU);

    private ProductKeys() {
    }

    static String of(String sku) {
        return PRODUCT.key(sku);
    }
}
