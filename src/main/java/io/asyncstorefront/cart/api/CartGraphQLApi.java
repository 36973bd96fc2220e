package io.asyncstorefront.cart.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.cart.command.AddProductsToCarts;
import io.asyncstorefront.cart.command.AssignCustomersToCarts;
import io.asyncstorefront.cart.command.CreateEmptyCart;
import io.asyncstorefront.cart.command.DeleteCarts;
import io.asyncstorefront.cart.command.RemoveProductsFromCarts;
import io.asyncstorefront.cart.command.UpdateCartItems;
import io.asyncstorefront.cart.repository.CartQueries;
import io.asyncstorefront.cart.view.CartConnectionNode;
import io.asyncstorefront.cart.view.CartItem;
import io.asyncstorefront.catalog.repository.ProductQueries;
import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.asyncstorefront.operation.api.InputChecks;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.dispatch.OperationDispatcher;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CartGraphQLApi {

    static final int MAX_CARTS = 100;

    private final OperationDispatcher operations;
    private final CartQueries cartQueries;
    private final ProductQueries productQueries;
    private final Context context;
    private final int maxItemsPerInput;

    public CartGraphQLApi(OperationDispatcher operations, CartQueries cartQueries, ProductQueries productQueries,
            Context context,
            @ConfigProperty(name = "storefront.carts.max-items-per-input", defaultValue = "100") int maxItemsPerInput) {
        this.operations = operations;
        this.cartQueries = cartQueries;
        this.productQueries = productQueries;
        this.context = context;
        this.maxItemsPerInput = maxItemsPerInput;
    }

    @Query("carts")
    @Description("The carts with these masks that exist, in the order asked. At most 100 masks.")
    public Uni<@NonNull List<@NonNull CartConnectionNode>> carts(
            @Name("cartMasks") @NonNull @Size(max = MAX_CARTS) List<@NonNull String> cartMasks) {
        return cartQueries.byMasks(cartMasks).map(found -> cartMasks.stream().distinct().map(found::get)
                .filter(Objects::nonNull).map(CartConnectionNode::of).toList());
    }

    @Name("product")
    @Description("The product of the line. Mutation results stop at depth 1 below their entities, so this field is "
            + "for queries only.")
    public Uni<List<ProductConnectionNode>> product(@Source List<CartItem> items) {
        if (!underCartsQuery()) {
            return Uni.createFrom().failure(new InvalidInputException(
                    "Mutation results are limited to depth 1 below their entities: query CartItem.product with carts"));
        }
        return productQueries.bySkus(items.stream().map(CartItem::sku).distinct().toList()).map(found -> {
            Map<String, ProductConnectionNode> bySku = found.stream()
                    .collect(Collectors.toMap(ProductConnectionNode::sku, Function.identity()));
            return items.stream().map(item -> bySku.get(item.sku())).toList();
        });
    }

    /** Whether the field being resolved sits in the answer of the carts query, not in an operation state. */
    private boolean underCartsQuery() {
        ExecutionStepInfo step = context.unwrap(DataFetchingEnvironment.class).getExecutionStepInfo();
        while (step.getParent() != null && step.getParent().getParent() != null) {
            step = step.getParent();
        }
        return step.getFieldDefinition().getName().equals("carts");
    }

    @Mutation("createEmptyCart")
    @Description("Creates an empty cart with the mask the client chose. Completes with PersistOperationCompleted.")
    public Uni<@NonNull OperationStateInterface> createEmptyCart(
            @Name("cartMask") @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask) {
        return operations.submit(new CreateEmptyCart(cartMask));
    }

    @Mutation("addProductsToCarts")
    @Description("Adds quantities of products to carts, each cart once. Completes with CartSaveOperationCompleted "
            + "when the input names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> addProductsToCarts(
            @Name("input") @NonNull List<@NonNull @Valid AddProductsToCartInput> input) {
        return InputChecks.distinct(input, AddProductsToCartInput::cartMask, "input", "cartMask")
                .chain(() -> eachList(input, AddProductsToCartInput::items, "items",
                        entry -> InputChecks.distinct(entry.items(), CartItemInput::sku, "items", "sku")))
                .chain(() -> operations.submit(new AddProductsToCarts(input.stream()
                        .map(entry -> new AddProductsToCarts.Entry(entry.cartMask(), entry.items().stream()
                                .map(item -> new AddProductsToCarts.Line(item.sku(), item.qty().intValueExact())).toList()))
                        .toList())));
    }

    @Mutation("removeProductsFromCarts")
    @Description("Removes products from carts, each cart once. Completes with CartSaveOperationCompleted when the "
            + "input names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> removeProductsFromCarts(
            @Name("input") @NonNull List<@NonNull @Valid RemoveProductsFromCartInput> input) {
        return InputChecks.distinct(input, RemoveProductsFromCartInput::cartMask, "input", "cartMask")
                .chain(() -> eachList(input, RemoveProductsFromCartInput::skus, "skus",
                        entry -> InputChecks.distinct(entry.skus(), Function.identity(), "skus", "")))
                .chain(() -> operations.submit(new RemoveProductsFromCarts(input.stream()
                        .map(entry -> new RemoveProductsFromCarts.Entry(entry.cartMask(), entry.skus()))
                        .toList())));
    }

    @Mutation("updateCartItems")
    @Description("Sets the quantities of products that carts hold, each cart and SKU once. Completes with "
            + "CartSaveOperationCompleted when the input names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> updateCartItems(
            @Name("input") @NonNull List<@NonNull @Valid UpdateCartItemInput> input) {
        return InputChecks.distinct(input, entry -> "cart " + entry.cartMask() + ", sku " + entry.sku(), "input", "")
                .chain(() -> operations.submit(new UpdateCartItems(input.stream()
                        .map(entry -> new UpdateCartItems.Entry(entry.cartMask(), entry.sku(), entry.qty().intValueExact()))
                        .toList())));
    }

    @Mutation("assignCustomersToCarts")
    @Description("Assigns customers, by email, to carts, each cart once. An unknown email fails the operation with a "
            + "LogicalErrorReport. Completes with CartSaveOperationCompleted when the input names one cart, "
            + "CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> assignCustomersToCarts(
            @Name("input") @NonNull List<@NonNull @Valid AssignCustomerToCartInput> input) {
        return InputChecks.distinct(input, AssignCustomerToCartInput::cartMask, "input", "cartMask")
                .chain(() -> operations.submit(new AssignCustomersToCarts(input.stream()
                        .map(entry -> new AssignCustomersToCarts.Entry(entry.cartMask(), entry.email()))
                        .toList())));
    }

    @Mutation("deleteCarts")
    @Description("Deletes carts with their items, each cart once. Completes with CartSaveOperationCompleted when the "
            + "input names one cart, CartsMutationCompleted when it names several, showing the carts as they were.")
    public Uni<@NonNull OperationStateInterface> deleteCarts(
            @Name("input") @NonNull List<@NonNull @Valid DeleteCartInput> input) {
        return InputChecks.distinct(input, DeleteCartInput::cartMask, "input", "cartMask")
                .chain(() -> operations.submit(new DeleteCarts(input.stream()
                        .map(entry -> new DeleteCarts.Entry(entry.cartMask()))
                        .toList())));
    }

    /** Checks the size of each entry's list against the configured cap, then the entry itself. */
    private <T> Uni<Void> eachList(List<T> input, Function<T, List<?>> list, String field, Function<T, Uni<Void>> check) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (int i = 0; i < input.size(); i++) {
            int size = list.apply(input.get(i)).size();
            String path = "input[" + i + "]." + field;
            if (size == 0) {
                return Uni.createFrom().failure(new InvalidInputException(path + " must have at least one entry"));
            }
            if (size > maxItemsPerInput) {
                return Uni.createFrom().failure(new InvalidInputException(
                        path + " has " + size + " entries; a cart input takes at most " + maxItemsPerInput));
            }
            T entry = input.get(i);
            int index = i;
            checks = checks.chain(() -> check.apply(entry).onFailure(InvalidInputException.class)
                    .transform(failure -> new InvalidInputException("input[" + index + "]." + failure.getMessage())));
        }
        return checks;
    }
}
