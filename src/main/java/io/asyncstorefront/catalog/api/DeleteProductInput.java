package io.asyncstorefront.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.persistence.Columns;

@Input("DeleteProductInput")
@Description("The product with this SKU.")
public record DeleteProductInput(
        @Description("The product's SKU, at most " + Columns.SKU
                + " characters.") @NonNull @NotBlank @Size(max = Columns.SKU) String sku) {
}
