package io.asyncstorefront.cart.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the cart mutations' inputs beyond those of every batch (operations.batch). */
@ConfigMapping(prefix = "storefront.carts")
public interface CartLimits {

    /** The most products or SKUs in one cart entry. */
    @WithDefault("100")
    int maxItemsPerInput();
}
