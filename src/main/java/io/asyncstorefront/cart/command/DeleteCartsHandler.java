package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class DeleteCartsHandler extends CartBatchHandler<DeleteCarts, DeleteCarts.Entry> {

    public DeleteCartsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<DeleteCarts> commandClass() {
        return DeleteCarts.class;
    }

    @Override
    protected Uni<Void> check(DeleteCarts command, Map<String, CartState> carts, List<FailureReportInterface> failures) {
        return Uni.createFrom().voidItem();
    }

    @Override
    protected Uni<Void> change(DeleteCarts command, Map<String, CartState> carts) {
        return this.carts.deleteByMasks(carts.keySet()).replaceWithVoid();
    }
}
