package io.asyncstorefront.cart.command;

import java.util.List;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class RemoveProductsFromCartHandler extends CartCommandHandler<RemoveProductsFromCart> {

    public RemoveProductsFromCartHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<RemoveProductsFromCart> commandClass() {
        return RemoveProductsFromCart.class;
    }

    @Override
    protected Uni<Outcome> applyTo(CartEntity cart, RemoveProductsFromCart command) {
        List<ValidationErrorReport> failures = notInCart(cart, command.skus(), i -> "skus[" + i + "]");
        if (!failures.isEmpty()) {
            return Uni.createFrom().item(Outcome.failed(failures));
        }
        cart.items.removeIf(item -> command.skus().contains(item.sku));
        return Uni.createFrom().item(saved(cart));
    }
}
