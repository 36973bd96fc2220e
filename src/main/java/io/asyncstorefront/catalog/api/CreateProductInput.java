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

@Input("CreateProductInput")
@Description("A new product.")
public record CreateProductInput(
        @NonNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, '.', '-' or '_'") String sku,
        @NonNull @NotBlank @Size(max = 255) String name,
        @NonNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price) {
}
