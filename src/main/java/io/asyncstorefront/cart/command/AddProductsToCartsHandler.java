package io.asyncstorefront.cart.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.repository.CartRepository.ItemRow;
import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AddProductsToCartsHandler extends CartBatchHandler<AddProductsToCarts, AddProductsToCarts.Entry> {

    private final ProductRepository products;

    public AddProductsToCartsHandler(CartRepository carts, ProductRepository products) {
        super(carts);
        this.products = products;
    }

    @Override
    public Class<AddProductsToCarts> commandClass() {
        return AddProductsToCarts.class;
    }

    @Override
    protected Uni<Void> check(AddProductsToCarts command, Map<String, CartState> carts,
            List<FailureReportInterface> failures) {
        List<String> skus = command.input().stream()
                .flatMap(entry -> entry.items().stream().map(AddProductsToCarts.Line::sku)).distinct().toList();
        return products.findNodes(skus).invoke(found -> {
            Set<String> known = found.stream().map(ProductConnectionNode::sku).collect(Collectors.toSet());
            for (int i = 0; i < command.input().size(); i++) {
                CartState cart = carts.get(command.input().get(i).cartMask());
                List<AddProductsToCarts.Line> items = command.input().get(i).items();
                for (int j = 0; j < items.size(); j++) {
                    AddProductsToCarts.Line line = items.get(j);
                    if (!known.contains(line.sku())) {
                        failures.add(new ValidationErrorReport("No such product with sku " + line.sku(), i,
                                "items[" + j + "].sku"));
                    } else if (cart != null && cart.qtyOf(line.sku()) + line.qty() > MAX_QTY) {
                        failures.add(new ValidationErrorReport("A cart holds at most " + MAX_QTY + " of one product", i,
                                "items[" + j + "].qty"));
                    }
                }
            }
        }).replaceWithVoid();
    }

    @Override
    protected Uni<Void> change(AddProductsToCarts command, Map<String, CartState> carts) {
        List<ItemRow> rows = new ArrayList<>();
        for (AddProductsToCarts.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            for (AddProductsToCarts.Line line : entry.items()) {
                rows.add(new ItemRow(cart.id, line.sku(), line.qty()));
                cart.items.merge(line.sku(), line.qty(), Integer::sum);
            }
        }
        return this.carts.addItems(rows).chain(() -> this.carts.touch(ids(carts))).replaceWithVoid();
    }
}
