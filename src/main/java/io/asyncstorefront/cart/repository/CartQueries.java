package io.asyncstorefront.cart.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.cart.model.CartState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Carts for the read API, with their items and customers in one statement on a pooled connection of its own (see
 * ProductQueries). Commands read carts inside their transaction instead (CartRepository).
 */
@ApplicationScoped
public class CartQueries {

    private static final String STATES = """
            select c.id, c.mask, c.increment_id, cu.email, ci.sku, ci.qty
            from cart c
            left join customer cu on cu.id = c.customer_id
            left join cart_item ci on ci.cart_id = c.id
            where c.mask = any($1)
            order by c.id, ci.id
            """;

    private final Pool pool;

    public CartQueries(Pool pool) {
        this.pool = pool;
    }

    /** The named carts that exist, by mask. */
    public Uni<Map<String, CartState>> byMasks(List<String> masks) {
        return pool.preparedQuery(STATES).execute(Tuple.of(masks.toArray(String[]::new))).map(rows -> {
            Map<String, CartState> carts = new LinkedHashMap<>();
            for (Row row : rows) {
                CartState cart = carts.computeIfAbsent(row.getString("mask"), mask -> new CartState(row.getLong("id"), mask,
                        row.getString("increment_id"), row.getString("email")));
                if (row.getString("sku") != null) {
                    cart.items.put(row.getString("sku"), row.getInteger("qty"));
                }
            }
            return carts;
        });
    }
}
