package io.asyncstorefront.customer.command;

import jakarta.inject.Singleton;

import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.entity.CreateEntitiesHandler;

@Singleton
public class CreateCustomersHandler
        extends CreateEntitiesHandler<CreateCustomers, CreateCustomers.Entry, CustomerConnectionNode> {

    CreateCustomersHandler(Customers customers) {
        super(customers);
    }

    @Override
    public Class<CreateCustomers> commandClass() {
        return CreateCustomers.class;
    }

    @Override
    public String type() {
        return "createCustomers";
    }

    @Override
    protected CustomerConnectionNode created(CreateCustomers.Entry entry) {
        return new CustomerConnectionNode(entry.email(), entry.firstname(), entry.lastname());
    }
}
