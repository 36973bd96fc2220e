package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;

@Description("A cart mutation on one cart completed; cart is the cart as the operation left it.")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = false)
public final class CartSaveOperationCompleted implements OperationStateInterface, PersistOperationInterface {

    private final String identifier;
    private final CartConnectionNode cart;

    public CartSaveOperationCompleted(String identifier, CartConnectionNode cart) {
        this.identifier = identifier;
        this.cart = cart;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    /** Derived from the cart, so not stored. */
    @Override
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return List.of(ChangedEntity.of("Cart", cart.cartMask()));
    }

    @NonNull
    public CartConnectionNode getCart() {
        return cart;
    }
}
