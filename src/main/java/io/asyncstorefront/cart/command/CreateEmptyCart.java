package io.asyncstorefront.cart.command;

public record CreateEmptyCart(String cartMask) implements CartCommand {
}
