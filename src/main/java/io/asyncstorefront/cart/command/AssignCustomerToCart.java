package io.asyncstorefront.cart.command;

public record AssignCustomerToCart(String cartMask, String email) implements CartCommand {
}
