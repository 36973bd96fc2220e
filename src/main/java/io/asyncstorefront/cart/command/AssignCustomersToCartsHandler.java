package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartChanges;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AssignCustomersToCartsHandler
        extends CartBatchHandler<AssignCustomersToCarts, AssignCustomersToCarts.Entry, Set<String>> {

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
    public String type() {
        return "assignCustomersToCarts";
    }

    @Override
    protected Uni<Set<String>> lookup(List<AssignCustomersToCarts> commands) {
        List<String> emails = commands.stream().flatMap(command -> command.input().stream())
                .map(AssignCustomersToCarts.Entry::email).distinct().toList();
        return customers.findNodes(emails)
                .map(found -> found.stream().map(CustomerConnectionNode::email).collect(Collectors.toSet()));
    }

    @Override
    protected void check(AssignCustomersToCarts command, Map<String, CartState> carts, Set<String> known,
            List<FailureReportInterface> failures) {
        for (int i = 0; i < command.input().size(); i++) {
            String email = command.input().get(i).email();
            if (!known.contains(email)) {
                failures.add(new LogicalErrorReport("No such entity with email " + email, i));
            }
        }
    }

    @Override
    protected void change(AssignCustomersToCarts command, Map<String, CartState> carts, CartChanges changes) {
        for (AssignCustomersToCarts.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            cart.customerEmail = entry.email();
            changes.assign(cart.id, entry.email());
        }
    }
}
