package io.asyncstorefront.cart.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.persistence.JsonRows;
import io.asyncstorefront.persistence.NativeSelects;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** Carts; every method costs one statement, whatever the number of carts and items. */
@ApplicationScoped
public class CartRepository implements PanacheRepository<CartEntity> {

    private static final String STATES = """
            select c.id, c.mask, c.increment_id, cu.email, ci.sku, ci.qty
            from cart c
            left join customer cu on cu.id = c.customer_id
            left join cart_item ci on ci.cart_id = c.id
            where c.mask in (:masks)
            order by c.id, ci.id
            """;
    private static final String ITEM_ROWS = """
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(cart_id bigint, sku varchar, qty integer)
            """;
    private static final String ADD_ITEMS = """
            insert into cart_item (id, cart_id, sku, qty)
            select nextval('cart_item_seq'), r.cart_id, r.sku, r.qty
            """ + ITEM_ROWS + """
            on conflict (cart_id, sku) do update set qty = cart_item.qty + excluded.qty
            """;
    /*
     * Updates and deletes name their rows' keys in an index condition too (= any(array(...))): the planner guesses 100
     * rows for jsonb_to_recordset and would otherwise hash the whole table.
     */
    private static final String SET_QUANTITIES = """
            with r as (select * """ + ITEM_ROWS + """
            )
            update cart_item ci set qty = r.qty from r
            where ci.cart_id = any(array(select cart_id from r)) and ci.cart_id = r.cart_id and ci.sku = r.sku
            """;
    private static final String REMOVE_ITEMS = """
            with r as (select * """ + ITEM_ROWS + """
            )
            delete from cart_item ci using r
            where ci.cart_id = any(array(select cart_id from r)) and ci.cart_id = r.cart_id and ci.sku = r.sku
            """;
    private static final String ASSIGN_CUSTOMERS = """
            with r as (select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(cart_id bigint, email varchar))
            update cart c set customer_id = cu.id, updated_at = now()
            from r join customer cu on cu.email = r.email
            where c.id = any(array(select cart_id from r)) and c.id = r.cart_id
            """;
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
    private static final String TOUCH = """
            update cart set updated_at = now() where id in (:ids)
            """;

    private final JsonRows rows;

    public CartRepository(JsonRows rows) {
        this.rows = rows;
    }

    /** The named carts that exist, by mask, with their items and customer. */
    public Uni<Map<String, CartState>> findStates(Collection<String> masks) {
        return getSession().chain(session -> session.createNativeQuery(STATES, Object[].class)
                .setParameter("masks", masks).getResultList())
                .map(found -> {
                    Map<String, CartState> carts = new LinkedHashMap<>();
                    for (Object[] row : found) {
                        CartState cart = carts.computeIfAbsent((String) row[1], mask -> new CartState(
                                ((Number) row[0]).longValue(), mask, (String) row[2], (String) row[3]));
                        if (row[4] != null) {
                            cart.items.put((String) row[4], ((Number) row[5]).intValue());
                        }
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

    /** Applies the gathered changes: one statement per kind of change that occurs. */
    public Uni<Void> write(CartChanges changes) {
        Uni<?> written = Uni.createFrom().voidItem();
        if (!changes.removed.isEmpty()) {
            written = written.chain(() -> execute(REMOVE_ITEMS, changes.removed));
        }
        if (!changes.quantities.isEmpty()) {
            written = written.chain(() -> execute(SET_QUANTITIES, changes.quantities));
        }
        if (!changes.added.isEmpty()) {
            written = written.chain(() -> execute(ADD_ITEMS, changes.added));
        }
        if (!changes.assignments.isEmpty()) {
            written = written.chain(() -> execute(ASSIGN_CUSTOMERS, changes.assignments));
        }
        if (!changes.touched.isEmpty()) {
            written = written.chain(() -> getSession().chain(session -> session.createNativeQuery(TOUCH)
                    .setParameter("ids", changes.touched).executeUpdate()));
        }
        if (!changes.deleted.isEmpty()) {
            // The carts' items go by cascade.
            written = written.chain(() -> delete("mask in ?1", changes.deleted));
        }
        return written.replaceWithVoid();
    }

    private Uni<Integer> execute(String sql, List<?> batch) {
        return getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("rows", rows.of(batch)).executeUpdate());
    }

    public record ItemRow(@JsonProperty("cart_id") long cartId, String sku, int qty) {
    }

    public record Assignment(@JsonProperty("cart_id") long cartId, String email) {
    }
}
