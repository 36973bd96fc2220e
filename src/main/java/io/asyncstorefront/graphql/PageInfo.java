package io.asyncstorefront.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Where a page ends: pass endCursor as after to read the next page, while hasNextPage is true.")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
