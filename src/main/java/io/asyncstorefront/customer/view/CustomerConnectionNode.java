package io.asyncstorefront.customer.view;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

// The id is derived: JSON rows leave it out (SmallRye GraphQL would hide a field whose getter says @JsonIgnore).
@JsonIgnoreProperties("id")
@Description("A customer, known by email, as they are now.")
public record CustomerConnectionNode(
        @NonNull @Description("The customer's email, their key.") String email,
        @NonNull @Description("The customer's first name.") String firstname,
        @NonNull @Description("The customer's last name.") String lastname) {

    @Id
    @NonNull
    @Description("The customer's global identifier, unique across all types (for client caches): Customer: and their email.")
    public String getId() {
        return "Customer:" + email;
    }
}
