package io.asyncstorefront.catalog.view;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product of the catalog.")
public record ProductConnectionNode(
        @NonNull String sku,
        @NonNull String name,
        @NonNull BigDecimal price) {
}
