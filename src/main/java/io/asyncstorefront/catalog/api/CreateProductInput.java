package io.asyncstorefront.catalog.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("CreateProductInput")
@Description("A new product.")
public record CreateProductInput(
        @Description("The new product's SKU: 1 to " + Columns.SKU
                + " letters, digits, '.', '-' or '_'.") @NonNull @Pattern(regexp = "[A-Za-z0-9._-]{1," + Columns.SKU
                        + "}", message = "must be 1 to " + Columns.SKU
                                + " letters, digits, '.', '-' or '_'") String sku,
        @Description("The name, at most " + Columns.PRODUCT_NAME
                + " characters.") @NonNull @NotBlank @Size(max = Columns.PRODUCT_NAME) String name,
        @Description("The price: at least 0, at most 10 integer and 2 fraction digits.") @NonNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price) {
}
