package io.asyncstorefront.customer.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.customer.model.CustomerEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<CustomerEntity> {

    public Uni<CustomerEntity> findByEmail(String email) {
        return find("email", email).firstResult();
    }
}
