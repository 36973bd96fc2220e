package io.asyncstorefront.customer.view;

import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.customer.model.CustomerEntity;

public record Customer(@NonNull String email, @NonNull String firstname, @NonNull String lastname) {

    public static Customer of(CustomerEntity entity) {
        return new Customer(entity.email, entity.firstname, entity.lastname);
    }
}
