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
        @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask,
        @NonNull List<@NonNull @Valid CartItemInput> items) {
}
