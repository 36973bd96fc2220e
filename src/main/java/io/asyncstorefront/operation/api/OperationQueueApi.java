package io.asyncstorefront.operation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.follow.OperationFollowers;
import io.asyncstorefront.operation.ledger.OperationStates;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class OperationQueueApi {

    private final OperationStates states;
    private final OperationsConfig config;
    private final OperationFollowers followers;

    public OperationQueueApi(OperationStates states, OperationsConfig config, OperationFollowers followers) {
        this.states = states;
        this.config = config;
        this.followers = followers;
    }

    @Query("queue")
    @Description("The current state of each operation, in request order; null for an unknown identifier. "
            + "At most " + InputChecks.MAX_IDENTIFIERS + " identifiers per query.")
    public Uni<@NonNull List<OperationStateInterface>> queue(
            @Name("operationIdentifiers") @Description(InputChecks.OPERATION_IDENTIFIERS) @NonNull List<@NonNull String> operationIdentifiers) {
        return InputChecks.atMost(operationIdentifiers, config.queue().maxIdentifiers(), "operationIdentifiers")
                .chain(() -> states.states(operationIdentifiers));
    }

    @Subscription("operationStates")
    @Description("Each state of the operations from now on: first the current state of each, then every later state "
            + "as it commits, whichever instance applies it; OperationUnknown once for an identifier that names no "
            + "operation. Completes once every operation has ended (completed, failed, cancelled or unknown). At most "
            + InputChecks.MAX_IDENTIFIERS + " identifiers per subscription. Served over WebSocket at /graphql with the "
            + "subprotocol graphql-transport-ws.")
    public Multi<OperationStateInterface> operationStates(
            @Name("operationIdentifiers") @Description(InputChecks.OPERATION_IDENTIFIERS) @NonNull List<@NonNull String> operationIdentifiers)
            throws InvalidInputException {
        int max = config.queue().maxIdentifiers();
        if (operationIdentifiers.size() > max) {
            throw InvalidInputException.tooMany("operationIdentifiers", max,
                    " has " + operationIdentifiers.size() + " entries; the maximum is " + max);
        }
        return followers.follow(operationIdentifiers);
    }
}
