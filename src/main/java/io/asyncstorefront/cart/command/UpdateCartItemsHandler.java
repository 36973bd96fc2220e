package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartChanges;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.ValidationErrorReport;

@Singleton
public class UpdateCartItemsHandler extends CartBatchHandler<UpdateCartItems, UpdateCartItems.Entry, Void> {

    public UpdateCartItemsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<UpdateCartItems> commandClass() {
        return UpdateCartItems.class;
    }

    @Override
    public String type() {
        return "updateCartItems";
    }

    @Override
    protected void check(UpdateCartItems command, Map<String, CartState> carts, Void lookups,
            List<FailureReportInterface> failures) {
        for (int i = 0; i < command.input().size(); i++) {
            UpdateCartItems.Entry entry = command.input().get(i);
            CartState cart = carts.get(entry.cartMask());
            if (cart != null && !cart.items.containsKey(entry.sku())) {
                failures.add(new ValidationErrorReport("The cart has no product with sku " + entry.sku(), i, "sku"));
            }
        }
    }

    @Override
    protected void change(UpdateCartItems command, Map<String, CartState> carts, CartChanges changes) {
        for (UpdateCartItems.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            cart.items.put(entry.sku(), entry.qty());
            changes.setQuantity(cart.id, entry.sku(), entry.qty());
        }
    }
}
