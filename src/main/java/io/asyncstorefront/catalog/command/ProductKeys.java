package io.asyncstorefront.catalog.command;

final class ProductKeys {

    private ProductKeys() {
    }

    static String of(String sku) {
        return "Product:" + sku;
    }
}
