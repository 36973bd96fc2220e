package io.asyncstorefront.catalog.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;

@Description("A products mutation completed; products are the products as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = false)
public final class ProductsMutationCompleted implements OperationStateInterface, PersistOperationInterface {

    private final String identifier;
    private final List<ProductConnectionNode> products;

    public ProductsMutationCompleted(String identifier, List<ProductConnectionNode> products) {
        this.identifier = identifier;
        this.products = List.copyOf(products);
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    /** Derived from products, so not stored. */
    @Override
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return List.of(new ChangedEntity("Product", products.stream().map(ProductConnectionNode::sku).toList()));
    }

    @NonNull
    public List<@NonNull ProductConnectionNode> getProducts() {
        return products;
    }
}
