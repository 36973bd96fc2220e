package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The service could not apply the command, after retrying; nothing of it was written.")
public final class SystemErrorReport implements FailureReportInterface, FailureReport {

    private final String message;

    public SystemErrorReport(String message) {
        this.message = message;
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }
}
