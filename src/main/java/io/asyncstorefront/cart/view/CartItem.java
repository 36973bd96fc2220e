package io.asyncstorefront.cart.view;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A line of a cart: a product and its quantity. Its product field is resolved for all lines at once.")
public record CartItem(@NonNull String sku, int qty) {
}
