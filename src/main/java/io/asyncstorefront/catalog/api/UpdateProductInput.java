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

@Input("UpdateProductInput")
@Description("The product with this SKU gets the fields that are given (at least one); the others stay.")
public record UpdateProductInput(
        @Description("The product's SKU, at most " + Columns.SKU
                + " characters.") @NonNull @NotBlank @Size(max = Columns.SKU) String sku,
        @Description("The new name, at most " + Columns.PRODUCT_NAME
                + " characters; absent to keep it.") @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = Columns.PRODUCT_NAME) String name,
        @Description("The new price: at least 0, at most 10 integer and 2 fraction digits; absent to keep it.") @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price) {
}
