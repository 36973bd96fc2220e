package io.asyncstorefront.cart.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.cart.command.CreateEmptyCart;
import io.asyncstorefront.cart.command.UpdateCartNotes;
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
    private final CartInputs inputs;
    private final Context context;

    public CartGraphQLApi(OperationDispatcher operations, CartQueries cartQueries, ProductQueries productQueries,
            CartInputs inputs, Context context) {
        this.operations = operations;
        this.cartQueries = cartQueries;
        this.productQueries = productQueries;
        this.inputs = inputs;
        this.context = context;
    }

    @Query("carts")
    @Description("The carts with these masks that exist, in the order asked. At most 100 masks.")
    public Uni<@NonNull List<@NonNull CartConnectionNode>> carts(
            @Name("cartMasks") @Description("The masks of the carts: at most " + MAX_CARTS
                    + ".") @NonNull @Size(max = MAX_CARTS) List<@NonNull String> cartMasks) {
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
            @Name("cartMask") @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask) {
        return operations.submit(new CreateEmptyCart(cartMask));
    }

    @Mutation("addProductsToCarts")
    @Description("Adds quantities of products to carts, each cart once. Completes with CartSaveOperationCompleted "
            + "when the input names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> addProductsToCarts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid AddProductsToCartInput> input) {
        return inputs.addProducts(input).chain(operations::submit);
    }

    @Mutation("removeProductsFromCarts")
    @Description("Removes products from carts, each cart once. Completes with CartSaveOperationCompleted when the "
            + "input names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> removeProductsFromCarts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid RemoveProductsFromCartInput> input) {
        return inputs.removeProducts(input).chain(operations::submit);
    }

    @Mutation("updateCartItems")
    @Description("Sets the quantities of products that carts hold, each cart and SKU once. Completes with "
            + "CartSaveOperationCompleted when the input names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> updateCartItems(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid UpdateCartItemInput> input) {
        return inputs.updateItems(input).chain(operations::submit);
    }

    @Mutation("assignCustomersToCarts")
    @Description("Assigns customers, by email, to carts, each cart once. An unknown email fails the operation with a "
            + "LogicalErrorReport. Completes with CartSaveOperationCompleted when the input names one cart, "
            + "CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> assignCustomersToCarts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid AssignCustomerToCartInput> input) {
        return inputs.assignCustomers(input).chain(operations::submit);
    }

    @Mutation("updateCartNotes")
    @Description("Sets the notes of carts, each cart once. Completes with CartSaveOperationCompleted when the input "
            + "names one cart, CartsMutationCompleted when it names several.")
    public Uni<@NonNull OperationStateInterface> updateCartNotes(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid UpdateCartNoteInput> input) {
        return InputChecks.distinct(input, UpdateCartNoteInput::cartMask, "input", "cartMask")
                .replaceWith(() -> new UpdateCartNotes(input.stream()
                        .map(entry -> new UpdateCartNotes.Entry(entry.cartMask(), entry.notes())).toList()))
                .chain(operations::submit);
    }

    @Mutation("deleteCarts")
    @Description("Deletes carts with their items, each cart once. Completes with CartSaveOperationCompleted when the "
            + "input names one cart, CartsMutationCompleted when it names several, showing the carts as they were.")
    public Uni<@NonNull OperationStateInterface> deleteCarts(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid DeleteCartInput> input) {
        return inputs.deleteCarts(input).chain(operations::submit);
    }
}
