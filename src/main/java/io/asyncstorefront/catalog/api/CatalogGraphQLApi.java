package io.asyncstorefront.catalog.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.catalog.command.CreateProducts;
import io.asyncstorefront.catalog.command.DeleteProducts;
import io.asyncstorefront.catalog.command.UpdateProducts;
import io.asyncstorefront.catalog.repository.ProductQueries;
import io.asyncstorefront.catalog.view.ProductConnection;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.graphql.Pages;
import io.asyncstorefront.operation.api.InputChecks;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.dispatch.OperationDispatcher;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CatalogGraphQLApi {

    static final int MAX_PRODUCTS = 100;

    private final ProductQueries queries;
    private final OperationDispatcher operations;

    public CatalogGraphQLApi(ProductQueries queries, OperationDispatcher operations) {
        this.queries = queries;
        this.operations = operations;
    }

    @Query("products")
    @Description("Products by SKU, ordered by SKU. At most 100 SKUs; productPage reads the whole catalog.")
    public Uni<@NonNull List<@NonNull ProductConnectionNode>> products(
            @Name("skus") @Description("The SKUs of the products: at most " + MAX_PRODUCTS
                    + ".") @Nullable @Size(max = MAX_PRODUCTS) List<@NonNull String> skus) {
        return skus == null ? Uni.createFrom().failure(new InvalidInputException(
                "products looks up products by skus; productPage(first, after) reads the whole catalog"))
                : queries.bySkus(skus);
    }

    @Query("productPage")
    @Description("The catalog in SKU order, a page at a time: first (1 to 100) products after the cursor after, "
            + "the endCursor of the previous page.")
    public Uni<@NonNull ProductConnection> productPage(
            @Name("first") @Description("How many to answer: 1 to " + Pages.MAX_FIRST + ".") @DefaultValue("20") int first,
            @Name("after") @Description("The endCursor of the page before; absent for the first page.") @Nullable String after)
            throws ClientException {
        return Pages.read(first, after, queries::after, ProductConnectionNode::sku, ProductConnection::new);
    }

    @Mutation("createProducts")
    @Description("Creates products, each SKU once. Completes with ProductsMutationCompleted.")
    public Uni<@NonNull OperationStateInterface> createProducts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid CreateProductInput> input) {
        return InputChecks.distinct(input, CreateProductInput::sku, "input", "sku")
                .chain(() -> operations.submit(new CreateProducts(input.stream()
                        .map(entry -> new CreateProducts.Entry(entry.sku(), entry.name(), money(entry.price())))
                        .toList())));
    }

    @Mutation("updateProducts")
    @Description("Changes the name or the price of products, each SKU once. Completes with ProductsMutationCompleted.")
    public Uni<@NonNull OperationStateInterface> updateProducts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid UpdateProductInput> input) {
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i).name() == null && input.get(i).price() == null) {
                return Uni.createFrom().failure(InvalidInputException.of("input[" + i + "]", ": name or price is needed"));
            }
        }
        return InputChecks.distinct(input, UpdateProductInput::sku, "input", "sku")
                .chain(() -> operations.submit(new UpdateProducts(input.stream()
                        .map(entry -> new UpdateProducts.Entry(entry.sku(), entry.name(), money(entry.price())))
                        .toList())));
    }

    @Mutation("deleteProducts")
    @Description("Deletes products that no cart holds, each SKU once. Completes with ProductsMutationCompleted.")
    public Uni<@NonNull OperationStateInterface> deleteProducts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid DeleteProductInput> input) {
        return InputChecks.distinct(input, DeleteProductInput::sku, "input", "sku")
                .chain(() -> operations.submit(new DeleteProducts(input.stream().map(DeleteProductInput::sku).toList())));
    }

    /** Prices as the catalog stores them, with two decimals (the input allows no more). */
    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
