package io.asyncstorefront.cart.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.persistence.JsonRows;
import io.asyncstorefront.persistence.NativeSelects;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** Carts; every method costs one statement, whatever the number of carts and items. */
@ApplicationScoped
public class CartRepository implements PanacheRepository<CartEntity> {

    /* A mask already taken creates nothing; the numbers it drew are skipped, as a rolled-back insert skips them. */
    private static final String CREATE_EMPTY = """
            with created as (
                insert into cart (id, mask, increment_id, created_at, updated_at)
                select nextval('cart_seq'), m.mask, 'AA' || lpad(cast(nextval('cart_increment_seq') as text), 9, '0'),
                       now(), now()
                from jsonb_array_elements_text(cast(cast(:masks as text) as jsonb)) with ordinality as m(mask, n)
                order by m.n
                on conflict (mask) do nothing
                returning mask)
            select mask from created
            """;
    /* A change of a cart's items changes the cart: its updated_at says when. */
    private static final String TOUCH = """
            update cart set updated_at = now() where id in (:ids)
            """;

    private final JsonRows rows;

    public CartRepository(JsonRows rows) {
        this.rows = rows;
    }

    /** The named carts that exist, by mask, with their items and customer. */
    public Uni<Map<String, CartState>> findStates(Collection<String> masks) {
        return getSession().chain(session -> session.createNativeQuery(CartRows.STATES_ON_SESSION, Object[].class)
                .setParameter("masks", masks).getResultList())
                .map(found -> {
                    Map<String, CartState> carts = new LinkedHashMap<>();
                    for (Object[] row : found) {
                        CartRows.add(carts, column -> row[column]);
                    }
                    return carts;
                });
    }

    /** Creates an empty cart for each mask that no cart has, numbered in the order given; answers the masks created. */
    public Uni<Set<String>> createEmpty(List<String> masks) {
        return getSession().chain(session -> NativeSelects
                .withJson(session.createNativeQuery(CREATE_EMPTY, String.class), "masks", rows.of(masks)).getResultList())
                .map(HashSet::new);
    }

    /**
     * Runs a command handler's multi-row statement, within the processor's transaction: the rows travel as one JSON
     * parameter, :rows, so that any number of rows costs one statement.
     */
    public Uni<Integer> writeRows(String statement, List<?> batch) {
        return getSession().chain(session -> session.createNativeQuery(statement)
                .setParameter("rows", rows.of(batch)).executeUpdate());
    }

    /** Marks the carts as changed now. */
    public Uni<Integer> touch(Collection<Long> ids) {
        return getSession().chain(session -> session.createNativeQuery(TOUCH).setParameter("ids", ids).executeUpdate());
    }

    /** Deletes the carts; their items go by cascade. */
    public Uni<Long> deleteByMasks(Collection<String> masks) {
        return delete("mask in ?1", masks);
    }
}
