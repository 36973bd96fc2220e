package io.asyncstorefront.catalog.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;
import io.asyncstorefront.operation.state.PersistedState;

@Description("A products mutation completed; products are the products as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = true)
@Type("ProductsMutationCompleted")
@JsonTypeName("ProductsMutationCompleted")
public final class ProductsMutationCompleted extends PersistedState
        implements OperationStateInterface, PersistOperationInterface {

    private final List<ProductSnapshot> products;

    public ProductsMutationCompleted(String identifier, List<ProductSnapshot> products) {
        super(identifier, List.of(new ChangedEntity("Product", products.stream().map(ProductSnapshot::sku).toList())));
        this.products = List.copyOf(products);
    }

    @NonNull
    @Description("The products as this operation left them.")
    public List<@NonNull ProductSnapshot> getProducts() {
        return products;
    }
}
