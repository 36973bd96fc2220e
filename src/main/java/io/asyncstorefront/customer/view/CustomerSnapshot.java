package io.asyncstorefront.customer.view;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A customer as one operation left it; without an id, so that client caches keep it within its operation. */
@Description("A customer as the operation left it (a deleted customer as it was). It is not the live customer: query "
        + "customers for that; it has no id, so that client caches keep each operation's snapshot apart.")
public record CustomerSnapshot(
        @NonNull @Description("The customer's email, their key.") String email,
        @NonNull @Description("The customer's first name.") String firstname,
        @NonNull @Description("The customer's last name.") String lastname) {

    public static CustomerSnapshot of(CustomerConnectionNode customer) {
        return new CustomerSnapshot(customer.email(), customer.firstname(), customer.lastname());
    }
}
