package io.asyncstorefront.cart.api;

import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.dispatch.OperationDispatcher;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.persistence.Columns;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Ordered groups of cart steps (seed 004): the one exception to RFC-038's rule of top-level mutations, because its steps
 * must run, and be applied, in document order.
 */
@GraphQLApi
public class CartGroupGraphQLApi {

    private final CartSteps steps;
    private final OperationDispatcher operations;
    private final CartStepObserver observer;
    private final Context context;

    public CartGroupGraphQLApi(CartSteps steps, OperationDispatcher operations, CartStepObserver observer,
            Context context) {
        this.steps = steps;
        this.operations = operations;
        this.observer = observer;
        this.context = context;
    }

    @Mutation(CartSteps.GROUP)
    @Description("An ordered group of steps on one cart. Each step is one operation that starts after the step before "
            + "it answered and is applied after it; when a step fails, the later steps of the group fail with a "
            + "PrecedingStepFailedReport. A document whose cart groups hold any wrong input is rejected before any "
            + "step is recorded. Steps take what the matching batch mutations take for one cart.")
    public Uni<@NonNull CartMutations> cart(
            @Name("cartMask") @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        return steps.checkDocument(environment).chain(() -> steps.idempotencyOf(environment))
                .map(idempotency -> new CartMutations(cartMask, observer, idempotency));
    }

    @Name(CartSteps.ADD_PRODUCTS)
    @Description("Adds quantities of products to the cart, as addProductsToCarts does.")
    public Uni<@NonNull OperationStateInterface> addProducts(@Source CartMutations group,
            @Name("items") @Description("The products and their quantities, each SKU once: "
                    + CartLimits.ITEMS_PER_INPUT) @NonNull List<@NonNull @Valid CartItemInput> items) {
        return step(group, CartSteps.ADD_PRODUCTS, () -> steps.addProducts(group.getCartMask(), items));
    }

    @Name(CartSteps.UPDATE_ITEMS)
    @Description("Sets the quantities of products that the cart holds, as updateCartItems does.")
    public Uni<@NonNull OperationStateInterface> updateItems(@Source CartMutations group,
            @Name("items") @Description("The products and their quantities, each SKU once: "
                    + CartLimits.ITEMS_PER_INPUT) @NonNull List<@NonNull @Valid CartItemInput> items) {
        return step(group, CartSteps.UPDATE_ITEMS, () -> steps.updateItems(group.getCartMask(), items));
    }

    @Name(CartSteps.REMOVE_PRODUCTS)
    @Description("Removes products from the cart, as removeProductsFromCarts does.")
    public Uni<@NonNull OperationStateInterface> removeProducts(@Source CartMutations group,
            @Name("skus") @Description("The SKUs to remove, each once: "
                    + CartLimits.ITEMS_PER_INPUT) @NonNull List<@NonNull @NotBlank @Size(max = Columns.SKU) String> skus) {
        return step(group, CartSteps.REMOVE_PRODUCTS, () -> steps.removeProducts(group.getCartMask(), skus));
    }

    @Name(CartSteps.ASSIGN_CUSTOMER)
    @Description("Assigns a customer, by email, to the cart, as assignCustomersToCarts does.")
    public Uni<@NonNull OperationStateInterface> assignCustomer(@Source CartMutations group,
            @Name("email") @Description("The email of an existing customer, at most " + Columns.EMAIL
                    + " characters.") @NonNull @NotBlank @Email @Size(max = Columns.EMAIL) String email) {
        return step(group, CartSteps.ASSIGN_CUSTOMER, () -> steps.assignCustomer(group.getCartMask(), email));
    }

    private Uni<OperationStateInterface> step(CartMutations group, String name,
            Supplier<Uni<? extends Command>> command) {
        return group.then(name, (precedingStep, idempotency) -> command.get()
                .chain(checked -> operations.submitAfter(checked, precedingStep, idempotency)));
    }
}
