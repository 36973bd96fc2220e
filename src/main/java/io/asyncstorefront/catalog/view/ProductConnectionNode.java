package io.asyncstorefront.catalog.view;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product of the catalog.")
public record ProductConnectionNode(
        @NonNull String sku,
        @NonNull String name,
        @NonNull @Description("The price with two decimals, as stored, on every path (12.50, not 12.5).") BigDecimal price) {

    /** Whether read from the database, taken from the input or read back from the ledger, a price shows two decimals. */
    public ProductConnectionNode {
        price = price == null ? null : price.setScale(2, RoundingMode.UNNECESSARY);
    }
}
