package io.asyncstorefront.cart.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cart as a command sees it: loaded in one statement with its items, changed in memory, then written with
 * multi-row statements. Items keep their order of arrival.
 */
public final class CartState {

    public final long id;
    public final String mask;
    public final String incrementId;
    public String customerEmail;
    public String notes;
    public final Map<String, Integer> items = new LinkedHashMap<>();

    public CartState(long id, String mask, String incrementId, String customerEmail) {
        this.id = id;
        this.mask = mask;
        this.incrementId = incrementId;
        this.customerEmail = customerEmail;
    }

    public int qtyOf(String sku) {
        return items.getOrDefault(sku, 0);
    }
}
