package io.asyncstorefront.cart.command;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.customer.repository.CustomerRepository;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.smallrye.mutiny.Uni;

@Singleton
public class AssignCustomerToCartHandler extends CartCommandHandler<AssignCustomerToCart> {

    private final CustomerRepository customers;

    public AssignCustomerToCartHandler(CartRepository carts, CustomerRepository customers) {
        super(carts);
        this.customers = customers;
    }

    @Override
    public Class<AssignCustomerToCart> commandClass() {
        return AssignCustomerToCart.class;
    }

    @Override
    protected Uni<Outcome> applyTo(CartEntity cart, AssignCustomerToCart command) {
        return customers.findByEmail(command.email()).map(customer -> {
            if (customer == null) {
                return Outcome.failed(new LogicalErrorReport("No such entity with email " + command.email()));
            }
            cart.customer = customer;
            return saved(cart);
        });
    }
}
