package io.asyncstorefront.cart.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("UpdateCartItemInput")
@Description("The new quantity of a product that a cart holds.")
public record UpdateCartItemInput(
        @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask,
        @Description("The product's SKU, at most " + Columns.SKU
                + " characters.") @NonNull @NotBlank @Size(max = Columns.SKU) String sku,
        @Description("The quantity: at least 1, at most 10000.") @Positive @Max(10_000) int qty) {
}
