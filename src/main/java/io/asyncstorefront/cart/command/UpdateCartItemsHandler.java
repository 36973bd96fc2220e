package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.repository.CartRepository.ItemRow;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class UpdateCartItemsHandler extends CartBatchHandler<UpdateCartItems, UpdateCartItems.Entry> {

    public UpdateCartItemsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<UpdateCartItems> commandClass() {
        return UpdateCartItems.class;
    }

    @Override
    protected Uni<Void> check(UpdateCartItems command, Map<String, CartState> carts, List<FailureReportInterface> failures) {
        for (int i = 0; i < command.input().size(); i++) {
            UpdateCartItems.Entry entry = command.input().get(i);
            CartState cart = carts.get(entry.cartMask());
            if (cart != null && !cart.items.containsKey(entry.sku())) {
                failures.add(new ValidationErrorReport("The cart has no product with sku " + entry.sku(), i, "sku"));
            }
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    protected Uni<Void> change(UpdateCartItems command, Map<String, CartState> carts) {
        List<ItemRow> rows = command.input().stream().map(entry -> {
            CartState cart = carts.get(entry.cartMask());
            cart.items.put(entry.sku(), entry.qty());
            return new ItemRow(cart.id, entry.sku(), entry.qty());
        }).toList();
        return this.carts.setQuantities(rows).chain(() -> this.carts.touch(ids(carts))).replaceWithVoid();
    }
}
