package io.asyncstorefront.cart.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the cart mutations' inputs beyond those of every batch (operations.batch). */
@ConfigMapping(prefix = "storefront.carts")
public interface CartLimits {

    /** Stated here once, for the schema's descriptions as for the default. */
    String DEFAULT_MAX_ITEMS_PER_INPUT = "100";

    /** What every list of a cart entry's products says of its length. */
    String ITEMS_PER_INPUT = "at least 1, at most storefront.carts.max-items-per-input (default "
            + DEFAULT_MAX_ITEMS_PER_INPUT + ").";

    /** The most products or SKUs in one cart entry. */
    @WithDefault(DEFAULT_MAX_ITEMS_PER_INPUT)
    int maxItemsPerInput();
}
