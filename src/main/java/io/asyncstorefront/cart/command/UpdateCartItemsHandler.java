package io.asyncstorefront.cart.command;

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
    public Class<UpdateCartItems> commandClass() {
        return UpdateCartItems.class;
    }

    @Override
    protected Uni<Outcome> applyTo(CartEntity cart, UpdateCartItems command) {
        List<ValidationErrorReport> failures = notInCart(cart, command.items().stream().map(CartLine::sku).toList(),
                i -> "items[" + i + "].sku");
        if (!failures.isEmpty()) {
            return Uni.createFrom().item(Outcome.failed(failures));
        }
        command.items().forEach(line -> cart.item(line.sku()).orElseThrow().qty = line.qty());
        return Uni.createFrom().item(saved(cart));
    }
}
