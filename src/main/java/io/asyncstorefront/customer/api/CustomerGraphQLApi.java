package io.asyncstorefront.customer.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.Customer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CustomerGraphQLApi {

    private final CustomerRepository customers;

    public CustomerGraphQLApi(CustomerRepository customers) {
        this.customers = customers;
    }

    @Query("customer")
    @Description("The customer with this email, or null.")
    @WithSession
    public Uni<Customer> customer(@Name("email") @NonNull @NotBlank @Email @Size(max = 254) String email) {
        return customers.findByEmail(email).map(entity -> entity == null ? null : Customer.of(entity));
    }
}
