package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Entities of one type that an operation changed.")
public record ChangedEntity(
        @NonNull @Description("The GraphQL type of the entities, for example Cart.") String type,
        @NonNull @Description("The identifiers by which the entities are queried, such as cart masks.") List<@NonNull String> identifiers) {

    public static ChangedEntity of(String type, String... identifiers) {
        return new ChangedEntity(type, List.of(identifiers));
    }
}
