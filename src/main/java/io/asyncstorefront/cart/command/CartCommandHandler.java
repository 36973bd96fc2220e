package io.asyncstorefront.cart.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.asyncstorefront.cart.model.CartEntity;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.cart.view.Cart;
import io.asyncstorefront.cart.view.CartSaveOperationCompleted;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.failure.ValidationErrorReport;
import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/** A handler of a command on an existing cart; its result is the cart as the command left it. */
abstract class CartCommandHandler<C extends CartCommand> implements CommandHandler<C> {

    /** The most units of one product that a cart holds. */
    static final int MAX_QTY = 10_000;

    protected final CartRepository carts;

    protected CartCommandHandler(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Uni<Outcome> apply(C command) {
        return carts.findByMask(command.cartMask()).chain(cart -> cart == null
                ? Uni.createFrom().item(noSuchCart(command.cartMask()))
                : applyTo(cart, command));
    }

    /** Validates the command against the cart and, only if it is valid, changes the cart. */
    protected abstract Uni<Outcome> applyTo(CartEntity cart, C command);

    @Override
    public List<Class<? extends OperationStateInterface>> customStates() {
        return List.of(CartSaveOperationCompleted.class);
    }

    /** A report for each SKU that the cart does not hold; field names the argument path of the SKU at an index. */
    static List<ValidationErrorReport> notInCart(CartEntity cart, List<String> skus, IntFunction<String> field) {
        List<ValidationErrorReport> failures = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            if (cart.item(skus.get(i)).isEmpty()) {
                failures.add(
                        new ValidationErrorReport("The cart has no product with sku " + skus.get(i), null, field.apply(i)));
            }
        }
        return failures;
    }

    static Outcome noSuchCart(String cartMask) {
        return Outcome.failed(new LogicalErrorReport("No such entity with cartMask " + cartMask));
    }

    static Outcome saved(CartEntity cart) {
        cart.touch();
        Cart snapshot = Cart.of(cart);
        List<ChangedEntity> changed = List.of(ChangedEntity.of("Cart", cart.mask));
        return identifier -> new CartSaveOperationCompleted(identifier, changed, snapshot);
    }
}
