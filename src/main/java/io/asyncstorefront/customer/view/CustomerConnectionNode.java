package io.asyncstorefront.customer.view;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A customer, known by email.")
public record CustomerConnectionNode(
        @NonNull String email,
        @NonNull String firstname,
        @NonNull String lastname) {
}
