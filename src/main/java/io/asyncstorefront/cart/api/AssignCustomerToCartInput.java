package io.asyncstorefront.cart.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("AssignCustomerToCartInput")
@Description("The customer, by email, to assign to one cart.")
public record AssignCustomerToCartInput(
        @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask,
        @Description("The email of an existing customer, at most " + Columns.EMAIL
                + " characters.") @NonNull @NotBlank @Email @Size(max = Columns.EMAIL) String email) {
}
