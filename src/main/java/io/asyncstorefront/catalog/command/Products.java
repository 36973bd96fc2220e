package io.asyncstorefront.catalog.command;

import java.util.List;

import jakarta.inject.Singleton;

import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.catalog.view.ProductSnapshot;
import io.asyncstorefront.catalog.view.ProductsMutationCompleted;
import io.asyncstorefront.entity.EntityKind;
import io.asyncstorefront.entity.EntityStore;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;

/** Products, known by SKU, for the product mutations; a product in a cart cannot be deleted. */
@Singleton
class Products implements EntityKind<ProductConnectionNode> {

    private final ProductRepository products;

    Products(ProductRepository products) {
        this.products = products;
    }

    @Override
    public EntityStore<ProductConnectionNode> store() {
        return products;
    }

    @Override
    public FailureReportInterface alreadyExists(String sku, int inputIndex) {
        return new ValidationErrorReport("A product with sku " + sku + " already exists", inputIndex, "sku");
    }

    @Override
    public FailureReportInterface missing(String sku, int inputIndex) {
        return new ValidationErrorReport("No such product with sku " + sku, inputIndex, "sku");
    }

    @Override
    public FailureReportInterface stillReferenced(String sku, int inputIndex) {
        return new LogicalErrorReport("The product " + sku + " is in a cart", inputIndex);
    }

    @Override
    public Outcome completed(List<ProductConnectionNode> changed) {
        List<ProductSnapshot> snapshots = changed.stream().map(ProductSnapshot::of).toList();
        return identifier -> new ProductsMutationCompleted(identifier, snapshots);
    }

    @Override
    public Class<? extends OperationStateInterface> completedState() {
        return ProductsMutationCompleted.class;
    }
}
