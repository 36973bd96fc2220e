package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class DeleteCartsHandler extends CartBatchHandler<DeleteCarts, DeleteCarts.Entry, Void, String> {

    public DeleteCartsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<DeleteCarts> commandClass() {
        return DeleteCarts.class;
    }

    @Override
    public String type() {
        return "deleteCarts";
    }

    @Override
    protected void check(DeleteCarts command, Map<String, CartState> carts, Void lookups,
            List<FailureReportInterface> failures) {
    }

    @Override
    protected void change(DeleteCarts command, Map<String, CartState> carts, List<String> masks) {
        command.input().forEach(entry -> masks.add(entry.cartMask()));
    }

    @Override
    protected Uni<Void> write(List<String> masks) {
        return carts.deleteByMasks(masks).replaceWithVoid();
    }
}
