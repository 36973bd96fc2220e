package io.asyncstorefront.customer.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateCustomerInput")
@Description("A new customer.")
public record CreateCustomerInput(
        @NonNull @NotBlank @Email @Size(max = 254) String email,
        @NonNull @NotBlank @Size(max = 100) String firstname,
        @NonNull @NotBlank @Size(max = 100) String lastname) {
}
