package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** What a subscription says once of an identifier that the queue query answers with null; never stored. */
@Description("No operation has this identifier: it was never issued, or it ended longer ago than the ledger keeps "
        + "operations. The queue query answers null for it.")
@Type("OperationUnknown")
@JsonTypeName("OperationUnknown")
public final class OperationUnknown implements OperationStateInterface {

    private final String identifier;

    public OperationUnknown(String identifier) {
        this.identifier = identifier;
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }
}
