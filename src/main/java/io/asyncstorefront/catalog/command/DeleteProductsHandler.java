package io.asyncstorefront.catalog.command;

import jakarta.inject.Singleton;

import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.entity.DeleteEntitiesHandler;

@Singleton
public class DeleteProductsHandler extends DeleteEntitiesHandler<DeleteProducts, ProductConnectionNode> {

    DeleteProductsHandler(Products products) {
        super(products);
    }

    @Override
    public Class<DeleteProducts> commandClass() {
        return DeleteProducts.class;
    }

    @Override
    public String type() {
        return "deleteProducts";
    }
}
