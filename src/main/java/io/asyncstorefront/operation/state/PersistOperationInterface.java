package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

@Interface
@Description("A completed state that lists the entities the operation changed, for example to invalidate client caches.")
public interface PersistOperationInterface {

    @NonNull
    @Description("The entities the operation changed, by type.")
    List<@NonNull ChangedEntity> getChangedEntities();
}
