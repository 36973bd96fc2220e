package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;
import io.asyncstorefront.operation.state.PersistedState;

@Description("A cart mutation on one cart completed; cart is the cart as the operation left it.")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = true)
@Type("CartSaveOperationCompleted")
@JsonTypeName("CartSaveOperationCompleted")
public final class CartSaveOperationCompleted extends PersistedState
        implements OperationStateInterface, PersistOperationInterface {

    private final CartSnapshot cart;

    public CartSaveOperationCompleted(String identifier, CartSnapshot cart) {
        super(identifier, List.of(ChangedEntity.of("Cart", cart.cartMask())));
        this.cart = cart;
    }

    @NonNull
    @Description("The cart as this operation left it.")
    public CartSnapshot getCart() {
        return cart;
    }
}
