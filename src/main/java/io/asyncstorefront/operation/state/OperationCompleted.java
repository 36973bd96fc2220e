package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The command was applied and has no result to report.")
public final class OperationCompleted implements OperationStateInterface {

    private final String identifier;

    public OperationCompleted(String identifier) {
        this.identifier = identifier;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }
}
