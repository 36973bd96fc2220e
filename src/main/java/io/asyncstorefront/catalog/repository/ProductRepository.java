package io.asyncstorefront.catalog.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.catalog.model.ProductEntity;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.entity.EntityStore;
import io.asyncstorefront.persistence.JsonRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Products; every method costs one statement, whatever the number of products. */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<ProductEntity, String>, EntityStore<ProductConnectionNode> {

    private static final String INSERT = """
            insert into product (sku, name, price)
            select r.sku, r.name, r.price
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(sku varchar, name varchar, price numeric)
            """;
    private static final String UPDATE = """
            update product p set name = r.name, price = r.price
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(sku varchar, name varchar, price numeric)
            where p.sku = r.sku
            """;
    /* Carts hold products by SKU; a product in a cart cannot be deleted. */
    private static final String IN_CARTS = """
            select distinct sku from cart_item where sku in (:skus)
            """;

    private final JsonRows rows;

    public ProductRepository(JsonRows rows) {
        this.rows = rows;
    }

    @Override
    public String keyOf(ProductConnectionNode entity) {
        return entity.sku();
    }

    /** Products as plain values, not managed entities, so that later statements of a transaction never read stale ones. */
    @Override
    public Uni<List<ProductConnectionNode>> findByKeys(Collection<String> skus) {
        return find("sku in ?1", Sort.by("sku"), skus).project(ProductConnectionNode.class).list();
    }

    @Override
    public Uni<Void> insertAll(List<ProductConnectionNode> products) {
        return getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", rows.of(products)).executeUpdate()).replaceWithVoid();
    }

    /** Writes the name and price of each product, found by SKU. */
    @Override
    public Uni<Void> updateAll(List<ProductConnectionNode> products) {
        return getSession().chain(session -> session.createNativeQuery(UPDATE)
                .setParameter("rows", rows.of(products)).executeUpdate()).replaceWithVoid();
    }

    @Override
    public Uni<Void> deleteByKeys(Collection<String> skus) {
        return delete("sku in ?1", skus).replaceWithVoid();
    }

    @Override
    public Uni<Set<String>> referenced(Collection<String> skus) {
        return getSession().chain(session -> session.createNativeQuery(IN_CARTS, String.class)
                .setParameter("skus", skus).getResultList())
                .map(HashSet::new);
    }
}
