package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AddProductsToCartsHandler
        extends CartBatchHandler<AddProductsToCarts, AddProductsToCarts.Entry, Set<String>, CartItemRow> {

    /* Adds to the cart's line of the product, creating the line where the cart has none. */
    private static final String ADD_ITEMS = """
            insert into cart_item (id, cart_id, sku, qty)
            select nextval('cart_item_seq'), r.cart_id, r.sku, r.qty
            """ + CartItemRow.ROWS + """
            on conflict (cart_id, sku) do update set qty = cart_item.qty + excluded.qty
            """;

    private final ProductRepository products;

    public AddProductsToCartsHandler(CartRepository carts, ProductRepository products) {
        super(carts);
        this.products = products;
    }

    @Override
    public Class<AddProductsToCarts> commandClass() {
        return AddProductsToCarts.class;
    }

    @Override
    public String type() {
        return "addProductsToCarts";
    }

    @Override
    protected Uni<Set<String>> lookup(List<AddProductsToCarts> commands) {
        List<String> skus = commands.stream().flatMap(command -> command.input().stream())
                .flatMap(entry -> entry.items().stream().map(AddProductsToCarts.Line::sku)).distinct().toList();
        return products.findByKeys(skus)
                .map(found -> found.stream().map(ProductConnectionNode::sku).collect(Collectors.toSet()));
    }

    @Override
    protected void check(AddProductsToCarts command, Map<String, CartState> carts, Set<String> known,
            List<FailureReportInterface> failures) {
        for (int i = 0; i < command.input().size(); i++) {
            CartState cart = carts.get(command.input().get(i).cartMask());
            List<AddProductsToCarts.Line> items = command.input().get(i).items();
            for (int j = 0; j < items.size(); j++) {
                AddProductsToCarts.Line line = items.get(j);
                if (!known.contains(line.sku())) {
                    failures.add(new ValidationErrorReport("No such product with sku " + line.sku(), i,
                            "items[" + j + "].sku"));
                } else if (cart != null && cart.qtyOf(line.sku()) + line.qty() > MAX_QTY) {
                    failures.add(new ValidationErrorReport("A cart holds at most " + MAX_QTY + " of one product", i,
                            "items[" + j + "].qty"));
                }
            }
        }
    }

    @Override
    protected void change(AddProductsToCarts command, Map<String, CartState> carts, List<CartItemRow> rows) {
        for (AddProductsToCarts.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            for (AddProductsToCarts.Line line : entry.items()) {
                rows.add(new CartItemRow(cart.id, line.sku(), line.qty()));
                cart.items.merge(line.sku(), line.qty(), Integer::sum);
            }
        }
    }

    @Override
    protected Uni<Void> write(List<CartItemRow> rows) {
        return carts.writeRows(ADD_ITEMS, rows).chain(() -> carts.touch(CartItemRow.cartsOf(rows))).replaceWithVoid();
    }
}
