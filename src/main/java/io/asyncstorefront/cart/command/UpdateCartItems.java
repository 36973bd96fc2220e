package io.asyncstorefront.cart.command;

import java.util.List;

public record UpdateCartItems(String cartMask, List<CartLine> items) implements CartCommand {
}
