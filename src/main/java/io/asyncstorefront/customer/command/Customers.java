package io.asyncstorefront.customer.command;

import java.util.List;

import jakarta.inject.Singleton;

import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.customer.view.CustomerSnapshot;
import io.asyncstorefront.customer.view.CustomersMutationCompleted;
import io.asyncstorefront.entity.EntityKind;
import io.asyncstorefront.entity.EntityStore;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;

/** Customers, known by email, for the customer mutations; a customer assigned to a cart cannot be deleted. */
@Singleton
class Customers implements EntityKind<CustomerConnectionNode> {

    private final CustomerRepository customers;

    Customers(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public EntityStore<CustomerConnectionNode> store() {
        return customers;
    }

    @Override
    public FailureReportInterface alreadyExists(String email, int inputIndex) {
        return new ValidationErrorReport("A customer with email " + email + " already exists", inputIndex, "email");
    }

    /** Worded as the seed's example of a logical error. */
    @Override
    public FailureReportInterface missing(String email, int inputIndex) {
        return new LogicalErrorReport("No such entity with email " + email, inputIndex);
    }

    @Override
    public FailureReportInterface stillReferenced(String email, int inputIndex) {
        return new LogicalErrorReport("The customer " + email + " is assigned to a cart", inputIndex);
    }

    @Override
    public Outcome completed(List<CustomerConnectionNode> changed) {
        List<CustomerSnapshot> snapshots = changed.stream().map(CustomerSnapshot::of).toList();
        return identifier -> new CustomersMutationCompleted(identifier, snapshots);
    }

    @Override
    public Class<? extends OperationStateInterface> completedState() {
        return CustomersMutationCompleted.class;
    }
}
