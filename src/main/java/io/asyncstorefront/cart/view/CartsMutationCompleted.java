package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;
import io.asyncstorefront.operation.state.PersistedState;

@Description("A cart mutation on several carts completed; carts are the carts as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = true)
public final class CartsMutationCompleted extends PersistedState implements OperationStateInterface, PersistOperationInterface {

    private final List<CartConnectionNode> carts;

    public CartsMutationCompleted(String identifier, List<CartConnectionNode> carts) {
        super(identifier, List.of(new ChangedEntity("Cart", carts.stream().map(CartConnectionNode::cartMask).toList())));
        this.carts = List.copyOf(carts);
    }

    @NonNull
    public List<@NonNull CartConnectionNode> getCarts() {
        return carts;
    }
}
