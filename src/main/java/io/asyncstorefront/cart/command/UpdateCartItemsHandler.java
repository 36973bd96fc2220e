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
public class UpdateCartItemsHandler extends CartBatchHandler<UpdateCartItems, UpdateCartItems.Entry, Void, CartItemRow> {

    /*
     * The rows' keys are named in an index condition too (= any(array(...))): the planner guesses 100 rows for
     * jsonb_to_recordset and would otherwise hash the whole table.
     */
    private static final String SET_QUANTITIES = """
            with r as (select * """ + CartItemRow.ROWS + """
            )
            update cart_item ci set qty = r.qty from r
            where ci.cart_id = any(array(select cart_id from r)) and ci.cart_id = r.cart_id and ci.sku = r.sku
            """;

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
    protected void change(UpdateCartItems command, Map<String, CartState> carts, List<CartItemRow> rows) {
        for (UpdateCartItems.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            cart.items.put(entry.sku(), entry.qty());
            rows.add(new CartItemRow(cart.id, entry.sku(), entry.qty()));
        }
    }

    @Override
    protected Uni<Void> write(List<CartItemRow> rows) {
        return carts.writeRows(SET_QUANTITIES, rows).chain(() -> carts.touch(CartItemRow.cartsOf(rows)))
                .replaceWithVoid();
    }
}
