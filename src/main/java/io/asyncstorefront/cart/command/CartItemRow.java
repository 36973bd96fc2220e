package io.asyncstorefront.cart.command;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A change of one cart's line of a product, as the item statements of the cart handlers read their rows. */
record CartItemRow(@JsonProperty("cart_id") long cartId, String sku, int qty) {

    /* The rows of an item statement, bound as one JSON parameter. */
    static final String ROWS = """
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(cart_id bigint, sku varchar, qty integer)
            """;

    static Set<Long> cartsOf(Collection<CartItemRow> rows) {
        Set<Long> carts = new LinkedHashSet<>();
        rows.forEach(row -> carts.add(row.cartId()));
        return carts;
    }
}
