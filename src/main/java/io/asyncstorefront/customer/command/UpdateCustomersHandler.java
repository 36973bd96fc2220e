package io.asyncstorefront.customer.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.customer.view.CustomersMutationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class UpdateCustomersHandler implements CommandHandler<UpdateCustomers> {

    private final CustomerRepository customers;

    public UpdateCustomersHandler(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public Class<UpdateCustomers> commandClass() {
        return UpdateCustomers.class;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(CustomersMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(UpdateCustomers command) {
        List<String> emails = command.input().stream().map(UpdateCustomers.Entry::email).toList();
        return customers.findNodes(emails).chain(found -> {
            Map<String, CustomerConnectionNode> existing = found.stream()
                    .collect(Collectors.toMap(CustomerConnectionNode::email, Function.identity()));
            List<LogicalErrorReport> failures = new ArrayList<>();
            List<CustomerConnectionNode> updated = new ArrayList<>();
            for (int i = 0; i < emails.size(); i++) {
                UpdateCustomers.Entry change = command.input().get(i);
                CustomerConnectionNode current = existing.get(change.email());
                if (current == null) {
                    failures.add(new LogicalErrorReport("No such entity with email " + change.email(), i));
                } else {
                    updated.add(new CustomerConnectionNode(current.email(),
                            Objects.requireNonNullElse(change.firstname(), current.firstname()),
                            Objects.requireNonNullElse(change.lastname(), current.lastname())));
                }
            }
            if (!failures.isEmpty()) {
                return Uni.createFrom().item(Outcome.failed(failures));
            }
            return customers.updateAll(updated).map(count -> id -> new CustomersMutationCompleted(id, updated));
        });
    }
}
