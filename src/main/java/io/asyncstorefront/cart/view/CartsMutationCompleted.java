package io.asyncstorefront.cart.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;

@Description("A cart mutation on several carts completed; carts are the carts as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = false)
public final class CartsMutationCompleted implements OperationStateInterface, PersistOperationInterface {

    private final String identifier;
    private final List<CartConnectionNode> carts;

    public CartsMutationCompleted(String identifier, List<CartConnectionNode> carts) {
        this.identifier = identifier;
        this.carts = List.copyOf(carts);
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    /** Derived from carts, so not stored. */
    @Override
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return List.of(new ChangedEntity("Cart", carts.stream().map(CartConnectionNode::cartMask).toList()));
    }

    @NonNull
    public List<@NonNull CartConnectionNode> getCarts() {
        return carts;
    }
}
