package io.asyncstorefront.catalog.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.catalog.view.ProductsMutationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class DeleteProductsHandler implements CommandHandler<DeleteProducts> {

    private final ProductRepository products;

    public DeleteProductsHandler(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Class<DeleteProducts> commandClass() {
        return DeleteProducts.class;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(ProductsMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(DeleteProducts command) {
        List<String> skus = command.input();
        return products.findNodes(skus).chain(found -> products.skusInCarts(skus).chain(inCarts -> {
            Map<String, ProductConnectionNode> existing = found.stream()
                    .collect(Collectors.toMap(ProductConnectionNode::sku, Function.identity()));
            List<FailureReportInterface> failures = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                if (!existing.containsKey(skus.get(i))) {
                    failures.add(new ValidationErrorReport("No such product with sku " + skus.get(i), i, "sku"));
                } else if (inCarts.contains(skus.get(i))) {
                    failures.add(new LogicalErrorReport("The product " + skus.get(i) + " is in a cart", i));
                }
            }
            if (!failures.isEmpty()) {
                return Uni.createFrom().item(Outcome.failed(failures));
            }
            List<ProductConnectionNode> deleted = skus.stream().map(existing::get).toList();
            return products.deleteAll(skus).map(count -> id -> new ProductsMutationCompleted(id, deleted));
        }));
    }
}
