package io.asyncstorefront.operation.control;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.asyncstorefront.operation.api.InputChecks;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.dispatch.OperationControl;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;

/** The mutations that steer operations already recorded: running failed ones again and cancelling waiting ones. */
@GraphQLApi
public class OperationControlApi {

    private final OperationControl control;
    private final OperationsConfig config;

    public OperationControlApi(OperationControl control, OperationsConfig config) {
        this.control = control;
        this.config = config;
    }

    @Mutation("cancelOperations")
    @Description("Cancels the operations that are not applied yet: each becomes final as OperationCancelled and is "
            + "never applied; later steps of its cart group fail with a PrecedingStepFailedReport, later operations of "
            + "its entities go on. An operation already completed, failed or cancelled is left as it is. Answers the "
            + "state of every operation after the call, in request order, null for an unknown identifier. At most "
            + InputChecks.MAX_IDENTIFIERS + " identifiers.")
    public Uni<@NonNull List<OperationStateInterface>> cancelOperations(
            @Name("operationIdentifiers") @Description(InputChecks.OPERATION_IDENTIFIERS) @NonNull List<@NonNull String> operationIdentifiers) {
        return InputChecks.atMost(operationIdentifiers, config.queue().maxIdentifiers(), "operationIdentifiers")
                .chain(() -> control.cancel(operationIdentifiers));
    }

    @Mutation("retryOperations")
    @Description("Runs again, under the same identifiers, the operations that failed with a SystemErrorReport marked "
            + "retriable; each is ordered after what its entities accepted so far and answers OperationAccepted. "
            + "Every other operation is answered with its current state, null for an unknown identifier. At most "
            + InputChecks.MAX_IDENTIFIERS + " identifiers.")
    public Uni<@NonNull List<OperationStateInterface>> retryOperations(
            @Name("operationIdentifiers") @Description(InputChecks.OPERATION_IDENTIFIERS) @NonNull List<@NonNull String> operationIdentifiers) {
        return InputChecks.atMost(operationIdentifiers, config.queue().maxIdentifiers(), "operationIdentifiers")
                .chain(() -> control.retry(operationIdentifiers));
    }
}
