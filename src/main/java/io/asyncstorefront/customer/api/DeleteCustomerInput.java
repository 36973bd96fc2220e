package io.asyncstorefront.customer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("DeleteCustomerInput")
@Description("The customer with this email.")
public record DeleteCustomerInput(
        @Description("The customer's email, at most " + Columns.EMAIL
                + " characters.") @NonNull @NotBlank @Size(max = Columns.EMAIL) String email) {
}
