package io.asyncstorefront.cart.command;

import java.util.List;

import jakarta.inject.Singleton;

import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.LogicalErrorReport;
import io.asyncstorefront.operation.state.ChangedEntity;
import io.smallrye.mutiny.Uni;

/** Creates empty carts, all in one statement; a mask already taken is its command's logical failure. */
@Singleton
public class CreateEmptyCartHandler implements CommandHandler<CreateEmptyCart> {

    private final CartRepository carts;

    public CreateEmptyCartHandler(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public Class<CreateEmptyCart> commandClass() {
        return CreateEmptyCart.class;
    }

    @Override
    public String type() {
        return "createEmptyCart";
    }

    @Override
    public Uni<Outcome> apply(CreateEmptyCart command) {
        return applyAll(List.of(command)).map(outcomes -> outcomes.get(0));
    }

    @Override
    public Uni<List<Outcome>> applyAll(List<CreateEmptyCart> commands) {
        List<String> masks = commands.stream().map(CreateEmptyCart::cartMask).toList();
        return carts.createEmpty(masks).map(created -> masks.stream().map(mask -> created.contains(mask)
                ? Outcome.persisted(List.of(ChangedEntity.of("Cart", mask)))
                : Outcome.failed(new LogicalErrorReport("A cart with cartMask " + mask + " already exists"))).toList());
    }
}
