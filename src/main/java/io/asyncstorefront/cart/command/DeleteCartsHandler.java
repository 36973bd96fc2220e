package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartChanges;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.failure.FailureReportInterface;

@Singleton
public class DeleteCartsHandler extends CartBatchHandler<DeleteCarts, DeleteCarts.Entry, Void> {

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
    protected void change(DeleteCarts command, Map<String, CartState> carts, CartChanges changes) {
        command.input().forEach(entry -> changes.delete(entry.cartMask()));
    }
}
