package io.asyncstorefront.cart.command;

public record CartLine(String sku, int qty) {
}
