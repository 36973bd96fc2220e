package io.asyncstorefront.customer.view;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.graphql.PageInfo;

@Description("A page of the customers, in email order.")
public record CustomerConnection(
        @NonNull @Description("The customers of the page.") List<@NonNull CustomerConnectionNode> nodes,
        @NonNull @Description("Where the page ends.") PageInfo pageInfo) {
}
