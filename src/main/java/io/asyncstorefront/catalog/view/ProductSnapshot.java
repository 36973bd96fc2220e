package io.asyncstorefront.catalog.view;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A product as one operation left it; without an id, so that client caches keep it within its operation. */
@Description("A product as the operation left it (a deleted product as it was). It is not the live product: query "
        + "products for that; it has no id, so that client caches keep each operation's snapshot apart.")
public record ProductSnapshot(
        @NonNull @Description("The product's stock keeping unit, its key.") String sku,
        @NonNull @Description("The product's name.") String name,
        @NonNull @Description("The price with two decimals (12.50, not 12.5).") BigDecimal price) {

    /** Whether taken from the input or read back from the ledger, a price shows two decimals, as stored. */
    public ProductSnapshot {
        price = price == null ? null : price.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static ProductSnapshot of(ProductConnectionNode product) {
        return new ProductSnapshot(product.sku(), product.name(), product.price());
    }
}
