package io.asyncstorefront.cart.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.cart.command.AddProductsToCart;
import io.asyncstorefront.cart.command.AssignCustomerToCart;
import io.asyncstorefront.cart.command.CartLine;
import io.asyncstorefront.cart.command.CreateEmptyCart;
import io.asyncstorefront.cart.command.RemoveProductsFromCart;
import io.asyncstorefront.cart.command.UpdateCartItems;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.view.Cart;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.dispatch.OperationDispatcher;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CartGraphQLApi {

    static final int MAX_ITEMS = 100;
    private static final String MASK = "[A-Za-z0-9_-]{1,64}";
    private static final String MASK_MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

    private final OperationDispatcher operations;
    private final CartRepository carts;

    public CartGraphQLApi(OperationDispatcher operations, CartRepository carts) {
        this.operations = operations;
        this.carts = carts;
    }

    @Query("cart")
    @Description("The cart with this mask, or null.")
    @WithSession
    public Uni<Cart> cart(@Name("cartMask") @NonNull @Pattern(regexp = MASK, message = MASK_MESSAGE) String cartMask) {
        return carts.findByMask(cartMask).map(cart -> cart == null ? null : Cart.of(cart));
    }

    @Mutation("createEmptyCart")
    @Description("Creates an empty cart with the mask the client chose. Completes with PersistOperationCompleted.")
    public Uni<@NonNull OperationStateInterface> createEmptyCart(
            @Name("cartMask") @NonNull @Pattern(regexp = MASK, message = MASK_MESSAGE) String cartMask) {
        return operations.submit(new CreateEmptyCart(cartMask));
    }

    @Mutation("addProductsToCart")
    @Description("Adds quantities of products to a cart, at most 100 items, each SKU once. "
            + "Completes with CartSaveOperationCompleted.")
    public Uni<@NonNull OperationStateInterface> addProductsToCart(
            @Name("cartMask") @NonNull @Pattern(regexp = MASK, message = MASK_MESSAGE) String cartMask,
            @Name("items") @NonNull @Size(min = 1, max = MAX_ITEMS) List<@NonNull @Valid CartItemInput> items) {
        return distinct(items.stream().map(CartItemInput::sku).toList(), "items")
                .chain(() -> operations.submit(new AddProductsToCart(cartMask, lines(items))));
    }

    @Mutation("updateCartItems")
    @Description("Sets the quantities of products already in a cart, at most 100 items, each SKU once. "
            + "Completes with CartSaveOperationCompleted.")
    public Uni<@NonNull OperationStateInterface> updateCartItems(
            @Name("cartMask") @NonNull @Pattern(regexp = MASK, message = MASK_MESSAGE) String cartMask,
            @Name("items") @NonNull @Size(min = 1, max = MAX_ITEMS) List<@NonNull @Valid CartItemInput> items) {
        return distinct(items.stream().map(CartItemInput::sku).toList(), "items")
                .chain(() -> operations.submit(new UpdateCartItems(cartMask, lines(items))));
    }

    @Mutation("removeProductsFromCart")
    @Description("Removes products from a cart, at most 100 SKUs. Completes with CartSaveOperationCompleted.")
    public Uni<@NonNull OperationStateInterface> removeProductsFromCart(
            @Name("cartMask") @NonNull @Pattern(regexp = MASK, message = MASK_MESSAGE) String cartMask,
            @Name("skus") @NonNull @Size(min = 1, max = MAX_ITEMS) List<@NonNull @NotBlank @Size(max = 64) String> skus) {
        return distinct(skus, "skus").chain(() -> operations.submit(new RemoveProductsFromCart(cartMask, skus)));
    }

    @Mutation("assignCustomerToCart")
    @Description("Assigns the customer with this email to a cart. Fails with a LogicalErrorReport if there is no such "
            + "customer. Completes with CartSaveOperationCompleted.")
    public Uni<@NonNull OperationStateInterface> assignCustomerToCart(
            @Name("cartMask") @NonNull @Pattern(regexp = MASK, message = MASK_MESSAGE) String cartMask,
            @Name("email") @NonNull @NotBlank @Email @Size(max = 254) String email) {
        return operations.submit(new AssignCustomerToCart(cartMask, email));
    }

    private static List<CartLine> lines(List<CartItemInput> items) {
        return items.stream().map(item -> new CartLine(item.sku(), item.qty())).toList();
    }

    private static Uni<Void> distinct(List<String> skus, String argument) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            if (!seen.add(skus.get(i))) {
                return Uni.createFrom().failure(new InvalidInputException(
                        argument + "[" + i + "]: the SKU " + skus.get(i) + " appears more than once"));
            }
        }
        return Uni.createFrom().voidItem();
    }
}
