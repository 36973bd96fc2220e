package io.asyncstorefront.catalog.view;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.catalog.model.ProductEntity;

public record Product(@NonNull String sku, @NonNull String name, @NonNull BigDecimal price) {

    public static Product of(ProductEntity entity) {
        return new Product(entity.sku, entity.name, entity.price);
    }
}
