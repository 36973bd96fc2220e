package io.asyncstorefront.catalog.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.graphql.PageInfo;

@Description("A page of the catalog, in SKU order.")
public record ProductConnection(@NonNull List<@NonNull ProductConnectionNode> nodes, @NonNull PageInfo pageInfo) {
}
