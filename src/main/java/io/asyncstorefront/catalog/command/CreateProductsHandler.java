package io.asyncstorefront.catalog.command;

import jakarta.inject.Singleton;

import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.entity.CreateEntitiesHandler;

@Singleton
public class CreateProductsHandler extends CreateEntitiesHandler<CreateProducts, CreateProducts.Entry, ProductConnectionNode> {

    CreateProductsHandler(Products products) {
        super(products);
    }

    @Override
    public Class<CreateProducts> commandClass() {
        return CreateProducts.class;
    }

    @Override
    public String type() {
        return "createProducts";
    }

    @Override
    protected ProductConnectionNode created(CreateProducts.Entry entry) {
        return new ProductConnectionNode(entry.sku(), entry.name(), entry.price());
    }
}
