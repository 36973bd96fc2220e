package io.asyncstorefront.cart.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AddProductsToCartHandler extends CartCommandHandler<AddProductsToCart> {

    private final ProductRepository products;

    public AddProductsToCartHandler(CartRepository carts, ProductRepository products) {
        super(carts);
        this.products = products;
    }

    @Override
    public Class<AddProductsToCart> commandClass() {
        return AddProductsToCart.class;
    }

    @Override
    protected Uni<Outcome> applyTo(CartEntity cart, AddProductsToCart command) {
        List<String> skus = command.items().stream().map(CartLine::sku).toList();
        return products.findBySkus(skus).map(found -> {
            Set<String> known = found.stream().map(product -> product.sku).collect(Collectors.toSet());
            List<ValidationErrorReport> failures = new ArrayList<>();
            for (int i = 0; i < command.items().size(); i++) {
                CartLine line = command.items().get(i);
                if (!known.contains(line.sku())) {
                    failures.add(new ValidationErrorReport("No such product with sku " + line.sku(),
                            null, "items[" + i + "].sku"));
                } else if (cart.item(line.sku()).map(item -> item.qty).orElse(0) + line.qty() > MAX_QTY) {
                    failures.add(new ValidationErrorReport("A cart holds at most " + MAX_QTY + " of one product",
                            null, "items[" + i + "].qty"));
                }
            }
            if (!failures.isEmpty()) {
                return Outcome.failed(failures);
            }
            command.items().forEach(line -> cart.addItem(line.sku(), line.qty()));
            return saved(cart);
        });
    }
}
