package io.asyncstorefront.cart.command;

import java.util.ArrayList;
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
public class RemoveProductsFromCartsHandler extends CartBatchHandler<RemoveProductsFromCarts, RemoveProductsFromCarts.Entry> {

    public RemoveProductsFromCartsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<RemoveProductsFromCarts> commandClass() {
        return RemoveProductsFromCarts.class;
    }

    @Override
    protected Uni<Void> check(RemoveProductsFromCarts command, Map<String, CartState> carts,
            List<FailureReportInterface> failures) {
        for (int i = 0; i < command.input().size(); i++) {
            CartState cart = carts.get(command.input().get(i).cartMask());
            List<String> skus = command.input().get(i).skus();
            for (int j = 0; j < skus.size(); j++) {
                if (cart != null && !cart.items.containsKey(skus.get(j))) {
                    failures.add(new ValidationErrorReport("The cart has no product with sku " + skus.get(j), i,
                            "skus[" + j + "]"));
                }
            }
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    protected Uni<Void> change(RemoveProductsFromCarts command, Map<String, CartState> carts) {
        List<ItemRow> rows = new ArrayList<>();
        for (RemoveProductsFromCarts.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            for (String sku : entry.skus()) {
                rows.add(new ItemRow(cart.id, sku, 0));
                cart.items.remove(sku);
            }
        }
        return this.carts.removeItems(rows).chain(() -> this.carts.touch(ids(carts))).replaceWithVoid();
    }
}
