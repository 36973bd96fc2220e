package io.asyncstorefront.cart.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.asyncstorefront.cart.repository.CartRepository.Assignment;
import io.asyncstorefront.cart.repository.CartRepository.ItemRow;

/**
 * The changes of several cart commands, gathered so that {@link CartRepository#write} applies them with one statement
 * per kind of change, whatever the number of commands and carts.
 */
public final class CartChanges {

    final List<ItemRow> added = new ArrayList<>();
    final List<ItemRow> quantities = new ArrayList<>();
    final List<ItemRow> removed = new ArrayList<>();
    final List<Assignment> assignments = new ArrayList<>();
    final Set<Long> touched = new LinkedHashSet<>();
    final Set<String> deleted = new LinkedHashSet<>();

    /** Adds the quantity to the cart's line of the product, creating the line if it is missing. */
    public void add(long cartId, String sku, int qty) {
        added.add(new ItemRow(cartId, sku, qty));
        touched.add(cartId);
    }

    public void setQuantity(long cartId, String sku, int qty) {
        quantities.add(new ItemRow(cartId, sku, qty));
        touched.add(cartId);
    }

    public void remove(long cartId, String sku) {
        removed.add(new ItemRow(cartId, sku, 0));
        touched.add(cartId);
    }

    public void assign(long cartId, String email) {
        assignments.add(new Assignment(cartId, email));
    }

    public void delete(String cartMask) {
        deleted.add(cartMask);
    }
}
