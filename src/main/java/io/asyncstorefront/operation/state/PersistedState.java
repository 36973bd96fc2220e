package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

/**
 * The common part of the completed states that report what they changed. A state that derives its changed entities
 * from its own result does not store them (it lists changedEntities in its JsonIgnoreProperties). It implements neither
 * state interface, so that the generated schema does not show it as a type: each subclass names both.
 */
public abstract class PersistedState {

    private final String identifier;
    private final List<ChangedEntity> changedEntities;

    protected PersistedState(String identifier, List<ChangedEntity> changedEntities) {
        this.identifier = identifier;
        this.changedEntities = List.copyOf(changedEntities);
    }

    @NonNull
    public String getIdentifier() {
        return identifier;
    }

    @NonNull
    public List<@NonNull ChangedEntity> getChangedEntities() {
        return changedEntities;
    }
}
