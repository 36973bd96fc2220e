package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.asyncstorefront.cart.model.CartState;

/**
 * A cart as one operation left it, stored with the operation's state. It has no id of its own, so that a normalized
 * client cache keeps it within its operation instead of merging the snapshots of several operations into one cart.
 */
@Description("A cart as the operation left it (a deleted cart as it was). It is not the live cart: query carts for that; "
        + "it has no id, so that client caches keep each operation's snapshot apart.")
public record CartSnapshot(
        @NonNull @Description("The identifier the client chose when it created the cart.") String cartMask,
        @NonNull @Name("increment_id") @JsonProperty("increment_id") @Description("The cart number, for example AA000000001.") String incrementId,
        @NonNull @Description("The lines of the cart, in the order their products were first added.") List<@NonNull CartItem> items,
        @Description("The email of the customer the cart was assigned to, if any.") String customerEmail,
        @Description("The shopper's notes on the cart, if any.") String notes) {

    public static CartSnapshot of(CartState state) {
        return new CartSnapshot(state.mask, state.incrementId,
                state.items.entrySet().stream().map(item -> new CartItem(item.getKey(), item.getValue())).toList(),
                state.customerEmail, state.notes);
    }
}
