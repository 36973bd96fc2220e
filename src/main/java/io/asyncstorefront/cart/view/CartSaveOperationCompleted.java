package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;

@Description("A cart operation completed; cart is the cart as the operation left it.")
public final class CartSaveOperationCompleted implements OperationStateInterface, PersistOperationInterface {

    private final String identifier;
    private final List<ChangedEntity> changedEntities;
    private final Cart cart;

    public CartSaveOperationCompleted(String identifier, List<ChangedEntity> changedEntities, Cart cart) {
        this.identifier = identifier;
        this.changedEntities = List.copyOf(changedEntities);
        this.cart = cart;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    @Override
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return changedEntities;
    }

    @NonNull
    public Cart getCart() {
        return cart;
    }
}
