package io.asyncstorefront.cart.api;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.cart.command.AddProductsToCarts;
import io.asyncstorefront.cart.command.AssignCustomersToCarts;
import io.asyncstorefront.cart.command.DeleteCarts;
import io.asyncstorefront.cart.command.RemoveProductsFromCarts;
import io.asyncstorefront.cart.command.UpdateCartItems;
import io.asyncstorefront.operation.api.InputChecks;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.smallrye.mutiny.Uni;

/**
 * The checks that bean validation cannot express, and the commands, of the cart mutations' inputs: shared by the batch
 * mutations and the steps of ordered cart groups, so that a step takes exactly what its batch mutation takes.
 */
@ApplicationScoped
class CartInputs {

    private final int maxItemsPerInput;

    CartInputs(CartLimits limits) {
        this.maxItemsPerInput = limits.maxItemsPerInput();
    }

    Uni<AddProductsToCarts> addProducts(List<AddProductsToCartInput> input) {
        return InputChecks.distinct(input, AddProductsToCartInput::cartMask, "input", "cartMask")
                .chain(() -> eachList(input, AddProductsToCartInput::items, "items",
                        entry -> InputChecks.distinct(entry.items(), CartItemInput::sku, "items", "sku")))
                .replaceWith(() -> new AddProductsToCarts(input.stream()
                        .map(entry -> new AddProductsToCarts.Entry(entry.cartMask(), entry.items().stream()
                                .map(item -> new AddProductsToCarts.Line(item.sku(), item.qty())).toList()))
                        .toList()));
    }

    Uni<RemoveProductsFromCarts> removeProducts(List<RemoveProductsFromCartInput> input) {
        return InputChecks.distinct(input, RemoveProductsFromCartInput::cartMask, "input", "cartMask")
                .chain(() -> eachList(input, RemoveProductsFromCartInput::skus, "skus",
                        entry -> InputChecks.distinct(entry.skus(), Function.identity(), "skus", "")))
                .replaceWith(() -> new RemoveProductsFromCarts(input.stream()
                        .map(entry -> new RemoveProductsFromCarts.Entry(entry.cartMask(), entry.skus()))
                        .toList()));
    }

    Uni<UpdateCartItems> updateItems(List<UpdateCartItemInput> input) {
        return InputChecks.distinct(input, entry -> "cart " + entry.cartMask() + ", sku " + entry.sku(), "input", "")
                .replaceWith(() -> new UpdateCartItems(input.stream()
                        .map(entry -> new UpdateCartItems.Entry(entry.cartMask(), entry.sku(), entry.qty()))
                        .toList()));
    }

    Uni<AssignCustomersToCarts> assignCustomers(List<AssignCustomerToCartInput> input) {
        return InputChecks.distinct(input, AssignCustomerToCartInput::cartMask, "input", "cartMask")
                .replaceWith(() -> new AssignCustomersToCarts(input.stream()
                        .map(entry -> new AssignCustomersToCarts.Entry(entry.cartMask(), entry.email()))
                        .toList()));
    }

    Uni<DeleteCarts> deleteCarts(List<DeleteCartInput> input) {
        return InputChecks.distinct(input, DeleteCartInput::cartMask, "input", "cartMask")
                .replaceWith(
                        () -> new DeleteCarts(input.stream().map(entry -> new DeleteCarts.Entry(entry.cartMask())).toList()));
    }

    /** Checks the size of each entry's list against the configured cap, then the entry itself. */
    private <T> Uni<Void> eachList(List<T> input, Function<T, List<?>> list, String field, Function<T, Uni<Void>> check) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (int i = 0; i < input.size(); i++) {
            int size = list.apply(input.get(i)).size();
            String path = "input[" + i + "]." + field;
            if (size == 0) {
                return Uni.createFrom().failure(InvalidInputException.of(path, " must have at least one entry"));
            }
            if (size > maxItemsPerInput) {
                return Uni.createFrom().failure(InvalidInputException.tooMany(path, maxItemsPerInput,
                        " has " + size + " entries; a cart input takes at most " + maxItemsPerInput));
            }
            T entry = input.get(i);
            int index = i;
            checks = checks.chain(() -> check.apply(entry).onFailure(InvalidInputException.class)
                    .transform(failure -> ((InvalidInputException) failure).within("input[" + index + "].")));
        }
        return checks;
    }
}
