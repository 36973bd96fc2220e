package io.asyncstorefront.cart.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("RemoveProductsFromCartInput")
@Description("Products to remove from one cart, each SKU once.")
public record RemoveProductsFromCartInput(
        @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask,
        @Description("The SKUs to remove, each once: "
                + CartLimits.ITEMS_PER_INPUT) @NonNull List<@NonNull @NotBlank @Size(max = Columns.SKU) String> skus) {
}
