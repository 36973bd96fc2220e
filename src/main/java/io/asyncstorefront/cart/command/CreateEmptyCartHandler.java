package io.asyncstorefront.cart.command;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.state.ChangedEntity;
import io.smallrye.mutiny.Uni;

@Singleton
public class CreateEmptyCartHandler implements CommandHandler<CreateEmptyCart> {

    private final CartRepository carts;

    public CreateEmptyCartHandler(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Class<CreateEmptyCart> commandClass() {
        return CreateEmptyCart.class;
    }

    @Override
    public Uni<Outcome> apply(CreateEmptyCart command) {
        return carts.count("mask", command.cartMask()).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().item(Outcome.failed(
                        new LogicalErrorReport("A cart with cartMask " + command.cartMask() + " already exists")));
            }
            return carts.nextIncrementId().chain(incrementId -> {
                CartEntity cart = new CartEntity();
                cart.mask = command.cartMask();
                cart.incrementId = incrementId;
                cart.createdAt = OffsetDateTime.now();
                cart.updatedAt = cart.createdAt;
                return carts.persist(cart);
            }).map(cart -> Outcome.persisted(List.of(ChangedEntity.of("Cart", cart.mask))));
        });
    }
}
