package io.asyncstorefront.catalog.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.catalog.view.ProductsMutationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class UpdateProductsHandler implements CommandHandler<UpdateProducts> {

    private final ProductRepository products;

    public UpdateProductsHandler(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Class<UpdateProducts> commandClass() {
        return UpdateProducts.class;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(ProductsMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(UpdateProducts command) {
        List<String> skus = command.input().stream().map(UpdateProducts.Entry::sku).toList();
        return products.findNodes(skus).chain(found -> {
            Map<String, ProductConnectionNode> existing = found.stream()
                    .collect(Collectors.toMap(ProductConnectionNode::sku, Function.identity()));
            List<ValidationErrorReport> failures = new ArrayList<>();
            List<ProductConnectionNode> updated = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                UpdateProducts.Entry change = command.input().get(i);
                ProductConnectionNode current = existing.get(change.sku());
                if (current == null) {
                    failures.add(new ValidationErrorReport("No such product with sku " + change.sku(), i, "sku"));
                } else {
                    updated.add(new ProductConnectionNode(current.sku(),
                            Objects.requireNonNullElse(change.name(), current.name()),
                            Objects.requireNonNullElse(change.price(), current.price())));
                }
            }
            if (!failures.isEmpty()) {
                return Uni.createFrom().item(Outcome.failed(failures));
            }
            return products.updateAll(updated).map(count -> id -> new ProductsMutationCompleted(id, updated));
        });
    }
}
