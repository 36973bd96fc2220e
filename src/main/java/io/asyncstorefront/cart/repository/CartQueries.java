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

    private final Pool pool;

    public CartQueries(Pool pool) {
        this.pool = pool;
    }

    /** The named carts that exist, by mask. */
    public Uni<Map<String, CartState>> byMasks(List<String> masks) {
        return pool.preparedQuery(CartRows.STATES_ON_POOL).execute(Tuple.of(masks.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, CartState> carts = new LinkedHashMap<>();
                    for (Row row : rows) {
                        CartRows.add(carts, row::getValue);
                    }
                    return carts;
                });
    }
}
