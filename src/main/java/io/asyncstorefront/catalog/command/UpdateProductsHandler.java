package io.asyncstorefront.catalog.command;

import java.util.Objects;

import jakarta.inject.Singleton;

import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.entity.UpdateEntitiesHandler;

@Singleton
public class UpdateProductsHandler extends UpdateEntitiesHandler<UpdateProducts, UpdateProducts.Entry, ProductConnectionNode> {

    UpdateProductsHandler(Products products) {
        super(products);
    }

    @Override
    public Class<UpdateProducts> commandClass() {
        return UpdateProducts.class;
    }

    @Override
    public String type() {
        return "updateProducts";
    }

    @Override
    protected String keyOf(UpdateProducts.Entry entry) {
        return entry.sku();
    }

    @Override
    protected ProductConnectionNode updated(ProductConnectionNode current, UpdateProducts.Entry change) {
        return new ProductConnectionNode(current.sku(), Objects.requireNonNullElse(change.name(), current.name()),
                Objects.requireNonNullElse(change.price(), current.price()));
    }
}
