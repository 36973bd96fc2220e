package io.asyncstorefront.cart.api;

import java.math.BigInteger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("CartItemInput")
// The quantity is read as BigInteger: SmallRye GraphQL 2.15 wraps Int literals beyond 32 bits instead of rejecting them.
@Description("A product and a quantity.")
public record CartItemInput(
        @NonNull @NotBlank @Size(max = Columns.SKU) String sku,
        @NonNull @Description("At least 1, at most 10000.") @Positive @Max(10_000) BigInteger qty) {
}
