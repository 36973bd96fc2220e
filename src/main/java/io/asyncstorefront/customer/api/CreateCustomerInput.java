package io.asyncstorefront.customer.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("CreateCustomerInput")
@Description("A new customer.")
public record CreateCustomerInput(
        @Description("The new customer's email, their key: at most " + Columns.EMAIL
                + " characters.") @NonNull @NotBlank @Email @Size(max = Columns.EMAIL) String email,
        @Description("The first name, at most " + Columns.PERSON_NAME
                + " characters.") @NonNull @NotBlank @Size(max = Columns.PERSON_NAME) String firstname,
        @Description("The last name, at most " + Columns.PERSON_NAME
                + " characters.") @NonNull @NotBlank @Size(max = Columns.PERSON_NAME) String lastname) {
}
