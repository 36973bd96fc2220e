package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The command was applied; changedEntities lists what it changed.")
public final class PersistOperationCompleted implements PersistOperationInterface, OperationStateInterface {

    private final String identifier;
    private final List<ChangedEntity> changedEntities;

    public PersistOperationCompleted(String identifier, List<ChangedEntity> changedEntities) {
        this.identifier = identifier;
        this.changedEntities = List.copyOf(changedEntities);
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    @Override
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return changedEntities;
    }
}
