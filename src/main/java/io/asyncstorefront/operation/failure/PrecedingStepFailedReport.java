package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The operation is a step of an ordered group, and an earlier step of the group failed or was cancelled; "
        + "nothing of this step was applied. failedStep is the identifier of that step.")
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

    public static PrecedingStepFailedReport cancelled(String cancelledStep) {
        return new PrecedingStepFailedReport("Not applied: the earlier step " + cancelledStep
                + " of its group was cancelled", cancelledStep);
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }

    @NonNull
    @Description("The identifier of the step of the group that failed or was cancelled.")
    public String getFailedStep() {
        return failedStep;
    }
}
