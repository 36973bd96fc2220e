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

@Description("A cart mutation on several carts completed; carts are the carts as it left them (deleted ones as they were).")
@JsonIgnoreProperties(value = "changedEntities", allowGetters = true)
@Type("CartsMutationCompleted")
@JsonTypeName("CartsMutationCompleted")
public final class CartsMutationCompleted extends PersistedState implements OperationStateInterface, PersistOperationInterface {

    private final List<CartSnapshot> carts;

    public CartsMutationCompleted(String identifier, List<CartSnapshot> carts) {
        super(identifier, List.of(new ChangedEntity("Cart", carts.stream().map(CartSnapshot::cartMask).toList())));
        this.carts = List.copyOf(carts);
    }

    @NonNull
    @Description("The carts as this operation left them, in input order.")
    public List<@NonNull CartSnapshot> getCarts() {
        return carts;
    }
}
