package io.asyncstorefront.catalog.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
public class CreateProductsHandler implements CommandHandler<CreateProducts> {

    private final ProductRepository products;

    public CreateProductsHandler(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Class<CreateProducts> commandClass() {
        return CreateProducts.class;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(ProductsMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(CreateProducts command) {
        List<ProductConnectionNode> created = command.input().stream()
                .map(entry -> new ProductConnectionNode(entry.sku(), entry.name(), entry.price()))
                .toList();
        return products.findNodes(created.stream().map(ProductConnectionNode::sku).toList()).chain(existing -> {
            Set<String> taken = existing.stream().map(ProductConnectionNode::sku).collect(Collectors.toSet());
            List<ValidationErrorReport> failures = new ArrayList<>();
            for (int i = 0; i < created.size(); i++) {
                if (taken.contains(created.get(i).sku())) {
                    failures.add(new ValidationErrorReport("A product with sku " + created.get(i).sku() + " already exists",
                            i, "sku"));
                }
            }
            if (!failures.isEmpty()) {
                return Uni.createFrom().item(Outcome.failed(failures));
            }
            return products.insertAll(created).map(inserted -> id -> new ProductsMutationCompleted(id, created));
        });
    }
}
