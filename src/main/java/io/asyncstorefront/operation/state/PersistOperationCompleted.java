package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;

@Description("The command was applied; changedEntities lists what it changed.")
public final class PersistOperationCompleted extends PersistedState
        implements OperationStateInterface, PersistOperationInterface {

    public PersistOperationCompleted(String identifier, List<ChangedEntity> changedEntities) {
        super(identifier, changedEntities);
    }
}
