package io.asyncstorefront.customer.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;

@Description("A customers mutation completed; customers are the customers as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = false)
public final class CustomersMutationCompleted implements OperationStateInterface, PersistOperationInterface {

    private final String identifier;
    private final List<CustomerConnectionNode> customers;

    public CustomersMutationCompleted(String identifier, List<CustomerConnectionNode> customers) {
        this.identifier = identifier;
        this.customers = List.copyOf(customers);
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    /** Derived from customers, so not stored. */
    @Override
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return List.of(new ChangedEntity("Customer", customers.stream().map(CustomerConnectionNode::email).toList()));
    }

    @NonNull
    public List<@NonNull CustomerConnectionNode> getCustomers() {
        return customers;
    }
}
