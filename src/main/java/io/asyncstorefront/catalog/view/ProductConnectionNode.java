package io.asyncstorefront.catalog.view;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

// The id is derived: JSON rows leave it out (SmallRye GraphQL would hide a field whose getter says @JsonIgnore).
@JsonIgnoreProperties("id")
@Description("A product of the catalog, as it is now.")
public record ProductConnectionNode(
        @NonNull @Description("The product's stock keeping unit, its key.") String sku,
        @NonNull @Description("The product's name.") String name,
        @NonNull @Description("The price with two decimals, as stored (12.50, not 12.5).") BigDecimal price) {

    @Id
    @NonNull
    @Description("The product's global identifier, unique across all types (for client caches): Product: and its SKU.")
    public String getId() {
        return "Product:" + sku;
    }
}
