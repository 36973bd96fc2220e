package io.asyncstorefront.cart.command;

import java.util.List;

public record RemoveProductsFromCart(String cartMask, List<String> skus) implements CartCommand {
}
