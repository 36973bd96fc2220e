package io.asyncstorefront.operation.state;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The state of an operation. Final states are stored in the ledger as JSON, typed by their GraphQL name;
 * custom states of the domain are registered by the command handlers that produce them.
 */
@Interface
@Description("The state of an operation. Follow it with the queue query until it is final (completed, failed or cancelled).")
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "__typename")
@JsonSubTypes({
        @JsonSubTypes.Type(OperationAccepted.class),
        @JsonSubTypes.Type(OperationInProgress.class),
        @JsonSubTypes.Type(OperationCompleted.class),
        @JsonSubTypes.Type(PersistOperationCompleted.class),
        @JsonSubTypes.Type(OperationFailed.class),
        @JsonSubTypes.Type(OperationCancelled.class)
})
public interface OperationStateInterface {

    @NonNull
    @Description("The operation identifier: 40 lowercase hexadecimal characters.")
    String getIdentifier();

    /**
     * Derived, not stored (OperationStateCodec leaves it out): the same in every state of the operation, so that a client cache
     * keeps one entry for it.
     */
    @Id
    @NonNull
    @Description("The operation's global identifier, unique across all types and the same in each of its states (for "
            + "client caches): Operation: and its identifier.")
    default String getId() {
        return "Operation:" + getIdentifier();
    }
}
