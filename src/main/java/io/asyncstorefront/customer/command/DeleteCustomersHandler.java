package io.asyncstorefront.customer.command;

import jakarta.inject.Singleton;

import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.entity.DeleteEntitiesHandler;

@Singleton
public class DeleteCustomersHandler extends DeleteEntitiesHandler<DeleteCustomers, CustomerConnectionNode> {

    DeleteCustomersHandler(Customers customers) {
        super(customers);
    }

    @Override
    public Class<DeleteCustomers> commandClass() {
        return DeleteCustomers.class;
    }

    @Override
    public String type() {
        return "deleteCustomers";
    }
}
