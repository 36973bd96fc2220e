package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.cart.model.CartState;

@Description("A shopping cart, as it is now.")
public record CartConnectionNode(
        @NonNull @Description("The identifier the client chose when it created the cart.") String cartMask,
        @NonNull @Name("increment_id") @Description("The cart number, for example AA000000001.") String incrementId,
        @NonNull @Description("The lines of the cart, in the order their products were first added.") List<@NonNull CartItem> items,
        @Description("The email of the customer the cart is assigned to, if any.") String customerEmail,
        @Description("The shopper's notes on the cart, if any.") String notes) {

    /** The live cart reads as a snapshot taken now, with its id. */
    public static CartConnectionNode of(CartState state) {
        CartSnapshot now = CartSnapshot.of(state);
        return new CartConnectionNode(now.cartMask(), now.incrementId(), now.items(), now.customerEmail(), now.notes());
    }

    @Id
    @NonNull
    @Description("The cart's global identifier, unique across all types (for client caches): Cart: and its mask.")
    public String getId() {
        return "Cart:" + cartMask;
    }
}
