package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

/**
 * The common part of the completed states that report what they changed. A state that derives its changed entities
 * from its own result does not store them (it lists changedEntities in its JsonIgnoreProperties). Subclasses name
 * both interfaces again: the GraphQL schema takes a type's interfaces from its own declaration.
 */
public abstract class PersistedState implements OperationStateInterface, PersistOperationInterface {

    private final String identifier;
    private final List<ChangedEntity> changedEntities;

    protected PersistedState(String identifier, List<ChangedEntity> changedEntities) {
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
