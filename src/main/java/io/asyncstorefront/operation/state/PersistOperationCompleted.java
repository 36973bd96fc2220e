package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The command was applied; changedEntities lists what it changed.")
@Type("PersistOperationCompleted")
@JsonTypeName("PersistOperationCompleted")
public final class PersistOperationCompleted extends PersistedState
        implements OperationStateInterface, PersistOperationInterface {

    public PersistOperationCompleted(String identifier, List<ChangedEntity> changedEntities) {
        super(identifier, changedEntities);
    }
}
