package io.asyncstorefront.customer.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.customer.view.CustomersMutationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class CreateCustomersHandler implements CommandHandler<CreateCustomers> {

    private final CustomerRepository customers;

    public CreateCustomersHandler(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public Class<CreateCustomers> commandClass() {
        return CreateCustomers.class;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(CustomersMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(CreateCustomers command) {
        List<CustomerConnectionNode> created = command.input().stream()
                .map(entry -> new CustomerConnectionNode(entry.email(), entry.firstname(), entry.lastname()))
                .toList();
        return customers.findNodes(created.stream().map(CustomerConnectionNode::email).toList()).chain(existing -> {
            Set<String> taken = existing.stream().map(CustomerConnectionNode::email).collect(Collectors.toSet());
            List<ValidationErrorReport> failures = new ArrayList<>();
            for (int i = 0; i < created.size(); i++) {
                if (taken.contains(created.get(i).email())) {
                    failures.add(new ValidationErrorReport(
                            "A customer with email " + created.get(i).email() + " already exists", i, "email"));
                }
            }
            if (!failures.isEmpty()) {
                return Uni.createFrom().item(Outcome.failed(failures));
            }
            return customers.insertAll(created).map(inserted -> id -> new CustomersMutationCompleted(id, created));
        });
    }
}
