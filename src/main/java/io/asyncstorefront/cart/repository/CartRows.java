package io.asyncstorefront.cart.repository;

import java.util.Map;
import java.util.function.IntFunction;

import io.asyncstorefront.cart.model.CartState;

/**
 * Carts as the database answers them: one statement reads carts with their customers and items, and one mapping makes
 * their states, for the commands (CartRepository, on the session) and the read API (CartQueries, on the pool) alike.
 */
final class CartRows {

    /*
     * One row per item, or one without an item for an empty cart, in item order so that a cart's items keep their order
     * of arrival: one statement whatever the number of carts. %s: how the statement takes the masks.
     */
    private static final String STATES = """
            select c.id, c.mask, c.increment_id, cu.email, ci.sku, ci.qty, c.notes
            from cart c
            left join customer cu on cu.id = c.customer_id
            left join cart_item ci on ci.cart_id = c.id
            where c.mask %s
            order by c.id, ci.id
            """;

    static final String STATES_ON_SESSION = STATES.formatted("in (:masks)");

    static final String STATES_ON_POOL = STATES.formatted("= any($1)");

    private CartRows() {
    }

    /** Adds a row of STATES to the carts, by mask: the cart, then each of its items. */
    static void add(Map<String, CartState> carts, IntFunction<Object> column) {
        CartState cart = carts.computeIfAbsent((String) column.apply(1), mask -> {
            CartState found = new CartState(((Number) column.apply(0)).longValue(), mask, (String) column.apply(2),
                    (String) column.apply(3));
            found.notes = (String) column.apply(6);
            return found;
        });
        if (column.apply(4) != null) {
            cart.items.put((String) column.apply(4), ((Number) column.apply(5)).intValue());
        }
    }
}
