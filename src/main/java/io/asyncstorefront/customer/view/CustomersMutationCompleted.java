package io.asyncstorefront.customer.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;
import io.asyncstorefront.operation.state.PersistedState;

@Description("A customers mutation completed; customers are the customers as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = true)
@Type("CustomersMutationCompleted")
@JsonTypeName("CustomersMutationCompleted")
public final class CustomersMutationCompleted extends PersistedState
        implements OperationStateInterface, PersistOperationInterface {

    private final List<CustomerSnapshot> customers;

    public CustomersMutationCompleted(String identifier, List<CustomerSnapshot> customers) {
        super(identifier,
                List.of(new ChangedEntity("Customer", customers.stream().map(CustomerSnapshot::email).toList())));
        this.customers = List.copyOf(customers);
    }

    @NonNull
    @Description("The customers as this operation left them.")
    public List<@NonNull CustomerSnapshot> getCustomers() {
        return customers;
    }
}
