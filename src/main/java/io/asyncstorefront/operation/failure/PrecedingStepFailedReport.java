package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The operation is a step of an ordered group, and an earlier step of the group failed; nothing of this "
        + "step was applied. failedStep is the identifier of the step that failed.")
@Type("PrecedingStepFailedReport")
@JsonTypeName("PrecedingStepFailedReport")
public final class PrecedingStepFailedReport implements FailureReportInterface, FailureReport {

    private final String message;
    private final String failedStep;

    @JsonCreator
    public PrecedingStepFailedReport(String message, String failedStep) {
        this.message = message;
        this.failedStep = failedStep;
    }

    public static PrecedingStepFailedReport after(String failedStep) {
        return new PrecedingStepFailedReport("Not applied: the earlier step " + failedStep + " of its group failed",
                failedStep);
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }

    @NonNull
    @Description("The identifier of the operation of the group that failed.")
    public String getFailedStep() {
        return failedStep;
    }
}
