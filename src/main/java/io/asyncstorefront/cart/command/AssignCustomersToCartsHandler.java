package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AssignCustomersToCartsHandler
        extends
        CartBatchHandler<AssignCustomersToCarts, AssignCustomersToCarts.Entry, Set<String>, AssignCustomersToCartsHandler.Assignment> {

    /* The customer by its unique email; the carts by primary key, named in an index condition too. */
    private static final String ASSIGN_CUSTOMERS = """
            with r as (select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(cart_id bigint, email varchar))
            update cart c set customer_id = cu.id, updated_at = now()
            from r join customer cu on cu.email = r.email
            where c.id = any(array(select cart_id from r)) and c.id = r.cart_id
            """;

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
        return customers.findByKeys(emails)
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
    protected void change(AssignCustomersToCarts command, Map<String, CartState> carts, List<Assignment> rows) {
        for (AssignCustomersToCarts.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            cart.customerEmail = entry.email();
            rows.add(new Assignment(cart.id, entry.email()));
        }
    }

    @Override
    protected Uni<Void> write(List<Assignment> rows) {
        return carts.writeRows(ASSIGN_CUSTOMERS, rows).replaceWithVoid();
    }

    record Assignment(@JsonProperty("cart_id") long cartId, String email) {
    }
}
