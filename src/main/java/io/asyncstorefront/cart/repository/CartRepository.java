package io.asyncstorefront.cart.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.cart.model.CartEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CartRepository implements PanacheRepository<CartEntity> {

    /** The cart with its items and customer, in one statement; null if there is none. */
    public Uni<CartEntity> findByMask(String mask) {
        return find("""
                from CartEntity c
                left join fetch c.items
                left join fetch c.customer
                where c.mask = ?1
                """, mask).list().map(carts -> carts.isEmpty() ? null : carts.get(0));
    }

    public Uni<String> nextIncrementId() {
        return getSession()
                .chain(session -> session.createNativeQuery("select nextval('cart_increment_seq')", Long.class)
                        .getSingleResult())
                .map(number -> "AA%09d".formatted(number));
    }
}
