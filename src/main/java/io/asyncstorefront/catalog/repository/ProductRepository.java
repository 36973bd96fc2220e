package io.asyncstorefront.catalog.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.catalog.model.ProductEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<ProductEntity, String> {

    public Uni<List<ProductEntity>> findBySkus(Collection<String> skus) {
        return list("sku in ?1", Sort.by("sku"), skus);
    }

    public Uni<List<ProductEntity>> findFirst(int limit) {
        return findAll(Sort.by("sku")).page(0, limit).list();
    }
}
