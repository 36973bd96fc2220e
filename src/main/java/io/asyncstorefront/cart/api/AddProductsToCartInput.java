package io.asyncstorefront.cart.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AddProductsToCartInput")
@Description("Products to add to one cart, each SKU once.")
public record AddProductsToCartInput(
        @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask,
        @Description("The products and their quantities, each SKU once: "
                + CartLimits.ITEMS_PER_INPUT) @NonNull List<@NonNull @Valid CartItemInput> items) {
}
