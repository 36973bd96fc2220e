package io.asyncstorefront.cart.view;

import org.eclipse.microprofile.graphql.NonNull;

public record CartItem(@NonNull String sku, int qty) {
}
