package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The command was applied and has no result to report.")
@Type("OperationCompleted")
@JsonTypeName("OperationCompleted")
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
