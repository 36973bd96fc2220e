package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The service could not apply the command, after retrying; nothing of it was written.")
@Type("SystemErrorReport")
@JsonTypeName("SystemErrorReport")
public final class SystemErrorReport implements FailureReportInterface, FailureReport {

    private final String message;
    private final boolean retriable;

    @JsonCreator
    SystemErrorReport(@JsonProperty("message") String message, @JsonProperty("retriable") boolean retriable) {
        this.message = message;
        this.retriable = retriable;
    }

    /** The attempts ran out for a reason other than the command: retryOperations may run it again. */
    public static SystemErrorReport attemptsRanOut(int attempts) {
        return new SystemErrorReport("The operation could not be applied after " + attempts + " attempts.", true);
    }

    /** The command cannot be run by this service at all (an unknown type, an unreadable payload). */
    public static SystemErrorReport permanent(String message) {
        return new SystemErrorReport(message, false);
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }

    @NonNull
    @Description("Whether retryOperations can run the operation again under the same identifier.")
    public boolean isRetriable() {
        return retriable;
    }
}
