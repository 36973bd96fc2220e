package io.asyncstorefront.customer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateCustomerInput")
@Description("The customer with this email gets the names that are given (at least one); the others stay.")
public record UpdateCustomerInput(
        @NonNull @NotBlank @Size(max = 254) String email,
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 100) String firstname,
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 100) String lastname) {
}
