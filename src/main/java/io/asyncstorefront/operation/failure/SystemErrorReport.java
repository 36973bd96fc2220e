package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The service could not apply the command, after retrying; nothing of it was written.")
@Type("SystemErrorReport")
@JsonTypeName("SystemErrorReport")
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
