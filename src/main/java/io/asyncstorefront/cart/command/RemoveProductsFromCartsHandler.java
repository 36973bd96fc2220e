package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class RemoveProductsFromCartsHandler
        extends CartBatchHandler<RemoveProductsFromCarts, RemoveProductsFromCarts.Entry, Void, CartItemRow> {

    /* By the rows' keys in an index condition too, as UpdateCartItemsHandler's statement. */
    private static final String REMOVE_ITEMS = """
            with r as (select * """ + CartItemRow.ROWS + """
            )
            delete from cart_item ci using r
            where ci.cart_id = any(array(select cart_id from r)) and ci.cart_id = r.cart_id and ci.sku = r.sku
            """;

    public RemoveProductsFromCartsHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<RemoveProductsFromCarts> commandClass() {
        return RemoveProductsFromCarts.class;
    }

    @Override
    public String type() {
        return "removeProductsFromCarts";
    }

    @Override
    protected void check(RemoveProductsFromCarts command, Map<String, CartState> carts, Void lookups,
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
    }

    @Override
    protected void change(RemoveProductsFromCarts command, Map<String, CartState> carts, List<CartItemRow> rows) {
        for (RemoveProductsFromCarts.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            for (String sku : entry.skus()) {
                rows.add(new CartItemRow(cart.id, sku, 0));
                cart.items.remove(sku);
            }
        }
    }

    @Override
    protected Uni<Void> write(List<CartItemRow> rows) {
        return carts.writeRows(REMOVE_ITEMS, rows).chain(() -> carts.touch(CartItemRow.cartsOf(rows)))
                .replaceWithVoid();
    }
}
