package io.asyncstorefront.customer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("UpdateCustomerInput")
@Description("The customer with this email gets the names that are given (at least one); the others stay.")
public record UpdateCustomerInput(
        @Description("The customer's email, at most " + Columns.EMAIL
                + " characters.") @NonNull @NotBlank @Size(max = Columns.EMAIL) String email,
        @Description("The new first name, at most " + Columns.PERSON_NAME
                + " characters; absent to keep it.") @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = Columns.PERSON_NAME) String firstname,
        @Description("The new last name, at most " + Columns.PERSON_NAME
                + " characters; absent to keep it.") @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = Columns.PERSON_NAME) String lastname) {
}
