package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The operation was cancelled before it was applied: nothing of it was written, and it never will be.")
@Type("OperationCancelled")
@JsonTypeName("OperationCancelled")
public final class OperationCancelled implements OperationStateInterface {

    private final String identifier;

    public OperationCancelled(String identifier) {
        this.identifier = identifier;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }
}
