package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The command is being applied.")
@Type("OperationInProgress")
@JsonTypeName("OperationInProgress")
public final class OperationInProgress implements OperationStateInterface {

    private final String identifier;

    public OperationInProgress(String identifier) {
        this.identifier = identifier;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }
}
