package io.asyncstorefront.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Where a page ends: pass endCursor as after to read the next page, while hasNextPage is true.")
public record PageInfo(
        @NonNull @Description("Whether a page follows this one.") boolean hasNextPage,
        @Description("The cursor of the last node, to pass as after; null for an empty page.") String endCursor) {
}
