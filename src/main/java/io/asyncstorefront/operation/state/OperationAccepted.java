package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The command was recorded durably and waits to be applied.")
@Type("OperationAccepted")
@JsonTypeName("OperationAccepted")
public final class OperationAccepted implements OperationStateInterface {

    private final String identifier;

    public OperationAccepted(String identifier) {
        this.identifier = identifier;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }
}
