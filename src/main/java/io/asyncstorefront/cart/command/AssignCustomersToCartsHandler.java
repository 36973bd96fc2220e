package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.repository.CartRepository.Assignment;
import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AssignCustomersToCartsHandler extends CartBatchHandler<AssignCustomersToCarts, AssignCustomersToCarts.Entry> {

    private final CustomerRepository customers;

    public AssignCustomersToCartsHandler(CartRepository carts, CustomerRepository customers) {
        super(carts);
        this.customers = customers;
    }

    @Override
    public Class<AssignCustomersToCarts> commandClass() {
        return AssignCustomersToCarts.class;
    }

    @Override
    protected Uni<Void> check(AssignCustomersToCarts command, Map<String, CartState> carts,
            List<FailureReportInterface> failures) {
        List<String> emails = command.input().stream().map(AssignCustomersToCarts.Entry::email).distinct().toList();
        return customers.findNodes(emails).invoke(found -> {
            Set<String> known = found.stream().map(CustomerConnectionNode::email).collect(Collectors.toSet());
            for (int i = 0; i < command.input().size(); i++) {
                String email = command.input().get(i).email();
                if (!known.contains(email)) {
                    failures.add(new LogicalErrorReport("No such entity with email " + email, i));
                }
            }
        }).replaceWithVoid();
    }

    @Override
    protected Uni<Void> change(AssignCustomersToCarts command, Map<String, CartState> carts) {
        List<Assignment> assignments = command.input().stream().map(entry -> {
            CartState cart = carts.get(entry.cartMask());
            cart.customerEmail = entry.email();
            return new Assignment(cart.id, entry.email());
        }).toList();
        return this.carts.assignCustomers(assignments).replaceWithVoid();
    }
}
