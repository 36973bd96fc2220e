package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The command contradicts the current state, for example it names an entity that does not exist.")
public final class LogicalErrorReport implements FailureReportInterface, FailureReport {

    private final String message;

    public LogicalErrorReport(String message) {
        this.message = message;
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }
}
