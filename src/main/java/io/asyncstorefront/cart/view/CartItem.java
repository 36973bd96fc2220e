package io.asyncstorefront.cart.view;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A line of a cart: a product and its quantity. Its product field is resolved for all lines at once.")
public record CartItem(
        @NonNull @Description("The product's SKU.") String sku,
        @Description("The quantity, from 1 to 10000.") int qty) {
}
