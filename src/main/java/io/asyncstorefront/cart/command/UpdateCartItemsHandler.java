package io.asyncstorefront.cart.command;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class UpdateCartItemsHandler extends CartCommandHandler<UpdateCartItems> {

    public UpdateCartItemsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public String type() {
        return "updateCartItems";
    }

    @Override
    public Class<UpdateCartItems> commandClass() {
        return UpdateCartItems.class;
    }

    @Override
    protected Uni<Outcome> applyTo(CartEntity cart, UpdateCartItems command) {
        List<ValidationErrorReport> failures = new ArrayList<>();
        for (int i = 0; i < command.items().size(); i++) {
            String sku = command.items().get(i).sku();
            if (cart.item(sku).isEmpty()) {
                failures.add(new ValidationErrorReport("The cart has no product with sku " + sku, "items[" + i + "].sku"));
            }
        }
        if (!failures.isEmpty()) {
            return Uni.createFrom().item(Outcome.failed(failures));
        }
        command.items().forEach(line -> cart.item(line.sku()).orElseThrow().qty = line.qty());
        return Uni.createFrom().item(saved(cart));
    }
}
