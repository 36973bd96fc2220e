package io.asyncstorefront.customer.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.customer.model.CustomerEntity;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.entity.EntityStore;
import io.asyncstorefront.persistence.JsonRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Customers; every method costs one statement, whatever the number of customers. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepository<CustomerEntity>, EntityStore<CustomerConnectionNode> {

    private static final String INSERT = """
            insert into customer (id, email, firstname, lastname)
            select nextval('customer_seq'), r.email, r.firstname, r.lastname
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(email varchar, firstname varchar, lastname varchar)
            """;
    private static final String UPDATE = """
            update customer c set firstname = r.firstname, lastname = r.lastname
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(email varchar, firstname varchar, lastname varchar)
            where c.email = r.email
            """;
    /* Carts refer to their customer; a customer assigned to a cart cannot be deleted. */
    private static final String ASSIGNED = """
            select distinct c.email from customer c join cart on cart.customer_id = c.id where c.email in (:emails)
            """;

    private final JsonRows rows;

    public CustomerRepository(JsonRows rows) {
        this.rows = rows;
    }

    @Override
    public String keyOf(CustomerConnectionNode entity) {
        return entity.email();
    }

    /** Customers as plain values, not managed entities, so that later statements of a transaction never read stale ones. */
    @Override
    public Uni<List<CustomerConnectionNode>> findByKeys(Collection<String> emails) {
        return find("email in ?1", Sort.by("email"), emails).project(CustomerConnectionNode.class).list();
    }

    @Override
    public Uni<Void> insertAll(List<CustomerConnectionNode> customers) {
        return getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", rows.of(customers)).executeUpdate()).replaceWithVoid();
    }

    /** Writes the names of each customer, found by email. */
    @Override
    public Uni<Void> updateAll(List<CustomerConnectionNode> customers) {
        return getSession().chain(session -> session.createNativeQuery(UPDATE)
                .setParameter("rows", rows.of(customers)).executeUpdate()).replaceWithVoid();
    }

    @Override
    public Uni<Void> deleteByKeys(Collection<String> emails) {
        return delete("email in ?1", emails).replaceWithVoid();
    }

    @Override
    public Uni<Set<String>> referenced(Collection<String> emails) {
        return getSession().chain(session -> session.createNativeQuery(ASSIGNED, String.class)
                .setParameter("emails", emails).getResultList())
                .map(HashSet::new);
    }
}
