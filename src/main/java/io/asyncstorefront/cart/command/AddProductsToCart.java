package io.asyncstorefront.cart.command;

import java.util.List;

public record AddProductsToCart(String cartMask, List<CartLine> items) implements CartCommand {
}
