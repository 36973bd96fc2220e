package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.asyncstorefront.cart.model.CartState;

@Description("A shopping cart.")
public record CartConnectionNode(
        @NonNull @Description("The identifier the client chose when it created the cart.") String cartMask,
        @NonNull @Name("increment_id") @JsonProperty("increment_id") @Description("The cart number, for example AA000000001.") String incrementId,
        @NonNull List<@NonNull CartItem> items,
        @Description("The email of the customer the cart is assigned to, if any.") String customerEmail) {

    public static CartConnectionNode of(CartState state) {
        return new CartConnectionNode(state.mask, state.incrementId,
                state.items.entrySet().stream().map(item -> new CartItem(item.getKey(), item.getValue())).toList(),
                state.customerEmail);
    }
}
