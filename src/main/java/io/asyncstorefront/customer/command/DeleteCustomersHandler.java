package io.asyncstorefront.customer.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
public class DeleteCustomersHandler implements CommandHandler<DeleteCustomers> {

    private final CustomerRepository customers;

    public DeleteCustomersHandler(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public Class<DeleteCustomers> commandClass() {
        return DeleteCustomers.class;
    }

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(CustomersMutationCompleted.class);
    }

    @Override
    public Uni<Outcome> apply(DeleteCustomers command) {
        List<String> emails = command.input();
        return customers.findNodes(emails).chain(found -> customers.emailsAssignedToCarts(emails).chain(assigned -> {
            Map<String, CustomerConnectionNode> existing = found.stream()
                    .collect(Collectors.toMap(CustomerConnectionNode::email, Function.identity()));
            List<LogicalErrorReport> failures = new ArrayList<>();
            for (int i = 0; i < emails.size(); i++) {
                if (!existing.containsKey(emails.get(i))) {
                    failures.add(new LogicalErrorReport("No such entity with email " + emails.get(i), i));
                } else if (assigned.contains(emails.get(i))) {
                    failures.add(new LogicalErrorReport("The customer " + emails.get(i) + " is assigned to a cart", i));
                }
            }
            if (!failures.isEmpty()) {
                return Uni.createFrom().item(Outcome.failed(failures));
            }
            List<CustomerConnectionNode> deleted = emails.stream().map(existing::get).toList();
            return customers.deleteAll(emails).map(count -> id -> new CustomersMutationCompleted(id, deleted));
        }));
    }
}
