package io.asyncstorefront.operation.state;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

import io.asyncstorefront.operation.failure.FailureReport;
import io.asyncstorefront.operation.failure.FailureReportInterface;

@Description("The command was not applied: nothing of it was written. failures says why.")
@JsonIgnoreProperties(value = "reports", allowGetters = false)
@Type("OperationFailed")
@JsonTypeName("OperationFailed")
public final class OperationFailed implements OperationStateInterface {

    private final String identifier;
    private final List<FailureReportInterface> failures;

    public OperationFailed(String identifier, List<FailureReportInterface> failures) {
        this.identifier = identifier;
        this.failures = List.copyOf(failures);
    }

    @NonNull
    @Override
    public String getIdentifier() {
        return identifier;
    }

    @NonNull
    @Description("Why the operation failed: at least one report.")
    public List<@NonNull FailureReportInterface> getFailures() {
        return failures;
    }

    @NonNull
    @Description("The same reports as failures, typed as the FailureReport union for exhaustive matching.")
    public List<@NonNull FailureReport> getReports() {
        return failures.stream().map(FailureReport.class::cast).toList();
    }
}
