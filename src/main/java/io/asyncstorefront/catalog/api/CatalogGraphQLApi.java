package io.asyncstorefront.catalog.api;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.catalog.repository.ProductRepository;
import io.asyncstorefront.catalog.view.Product;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CatalogGraphQLApi {

    static final int MAX_PRODUCTS = 100;

    private final ProductRepository products;

    public CatalogGraphQLApi(ProductRepository products) {
        this.products = products;
    }

    @Query("products")
    @Description("Products by SKU, ordered by SKU; without skus, the first 100 products. At most 100 SKUs.")
    @WithSession
    public Uni<@NonNull List<@NonNull Product>> products(
            @Name("skus") @Nullable @Size(max = MAX_PRODUCTS) List<@NonNull String> skus) {
        var found = skus == null ? products.findFirst(MAX_PRODUCTS) : products.findBySkus(skus);
        return found.map(entities -> entities.stream().map(Product::of).toList());
    }
}
