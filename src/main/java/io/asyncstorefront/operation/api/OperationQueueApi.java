package io.asyncstorefront.operation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.OperationStates;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class OperationQueueApi {

    private final OperationStates states;
    private final OperationsConfig config;

    public OperationQueueApi(OperationStates states, OperationsConfig config) {
        this.states = states;
        this.config = config;
    }

    @Query("queue")
    @Description("The current state of each operation, in request order; null for an unknown identifier. "
            + "At most " + InputChecks.MAX_IDENTIFIERS + " identifiers per query.")
    public Uni<@NonNull List<OperationStateInterface>> queue(
            @Name("operationIdentifiers") @Description(InputChecks.OPERATION_IDENTIFIERS) @NonNull List<@NonNull String> operationIdentifiers) {
        return InputChecks.atMost(operationIdentifiers, config.queue().maxIdentifiers(), "operationIdentifiers")
                .chain(() -> states.states(operationIdentifiers));
    }
}
