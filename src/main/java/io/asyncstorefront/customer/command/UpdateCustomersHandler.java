package io.asyncstorefront.customer.command;

import java.util.Objects;

import jakarta.inject.Singleton;

import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.entity.UpdateEntitiesHandler;

@Singleton
public class UpdateCustomersHandler
        extends UpdateEntitiesHandler<UpdateCustomers, UpdateCustomers.Entry, CustomerConnectionNode> {

    UpdateCustomersHandler(Customers customers) {
        super(customers);
    }

    @Override
    public Class<UpdateCustomers> commandClass() {
        return UpdateCustomers.class;
    }

    @Override
    public String type() {
        return "updateCustomers";
    }

    @Override
    protected String keyOf(UpdateCustomers.Entry entry) {
        return entry.email();
    }

    @Override
    protected CustomerConnectionNode updated(CustomerConnectionNode current, UpdateCustomers.Entry change) {
        return new CustomerConnectionNode(current.email(),
                Objects.requireNonNullElse(change.firstname(), current.firstname()),
                Objects.requireNonNullElse(change.lastname(), current.lastname()));
    }
}
