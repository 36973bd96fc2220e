package io.asyncstorefront.operation.command;

import java.util.List;

import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.state.ChangedEntity;
import io.asyncstorefront.operation.state.OperationCompleted;
import io.asyncstorefront.operation.state.OperationFailed;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationCompleted;

/** The final state of an operation, still missing the operation identifier that only the processor knows. */
@FunctionalInterface
public interface Outcome {

    OperationStateInterface stateOf(String identifier);

    static Outcome completed() {
        return OperationCompleted::new;
    }

    static Outcome persisted(List<ChangedEntity> changedEntities) {
        return identifier -> new PersistOperationCompleted(identifier, changedEntities);
    }

    static Outcome failed(List<? extends FailureReportInterface> failures) {
        return identifier -> new OperationFailed(identifier, List.copyOf(failures));
    }

    static Outcome failed(FailureReportInterface failure) {
        return failed(List.of(failure));
    }
}
