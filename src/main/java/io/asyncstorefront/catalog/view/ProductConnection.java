package io.asyncstorefront.catalog.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.graphql.PageInfo;

@Description("A page of the catalog, in SKU order.")
public record ProductConnection(
        @NonNull @Description("The products of the page.") List<@NonNull ProductConnectionNode> nodes,
        @NonNull @Description("Where the page ends.") PageInfo pageInfo) {
}
