package io.asyncstorefront.cart.api;

import java.util.function.BiFunction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.asyncstorefront.operation.command.IdempotencyClaim;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/**
 * One ordered group of steps on a cart. GraphQL resolves the fields of one object side by side, so each step is chained
 * to the one before it, as a promise chain would be: it starts once that one has answered, and is recorded as its
 * successor. Steps are chained in the order GraphQL calls their resolvers, which is document order.
 */
@Type("CartMutations")
@Description("The steps of an ordered group on one cart. Each field is one operation; a step starts only after the "
        + "step before it has answered, is applied after it, and fails with a PrecedingStepFailedReport when an earlier "
        + "step of the group failed.")
public final class CartMutations {

    /** A group's idempotency key and the fingerprint of the whole group. */
    record GroupKey(String key, String fingerprint) {
    }

    private final String cartMask;
    private final CartStepObserver observer;
    private final GroupKey idempotency;
    private Uni<String> lastStep = Uni.createFrom().nullItem();
    private int steps;

    CartMutations(String cartMask, CartStepObserver observer, GroupKey idempotency) {
        this.cartMask = cartMask;
        this.observer = observer;
        this.idempotency = idempotency;
    }

    @NonNull
    @Description("The cart that the steps change.")
    public String getCartMask() {
        return cartMask;
    }

    /**
     * Runs the step after the group's previous step, giving it that step's operation identifier (null for the first)
     * and its place under the group's idempotency key (null without one), and answers its state. The step starts even
     * if nobody subscribes, so that the chain never waits for GraphQL.
     */
    @Ignore
    synchronized Uni<OperationStateInterface> then(String name,
            BiFunction<String, IdempotencyClaim, Uni<OperationStateInterface>> step) {
        int index = steps++;
        IdempotencyClaim claim = idempotency == null ? null
                : new IdempotencyClaim(idempotency.key(), index, idempotency.fingerprint());
        Uni<OperationStateInterface> state = lastStep
                .call(preceding -> observer.starting(cartMask, index, name))
                .chain(preceding -> step.apply(preceding, claim))
                .invoke(answered -> observer.finished(cartMask, index, name))
                .memoize().indefinitely();
        lastStep = state.map(OperationStateInterface::getIdentifier);
        state.subscribe().with(answered -> {
        }, failure -> {
        });
        return state;
    }
}
