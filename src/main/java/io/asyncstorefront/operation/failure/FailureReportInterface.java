package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Why an operation failed. The hierarchy is closed: every report type is also a member of the {@link FailureReport} union. */
@Interface
@Description("Why an operation failed.")
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "__typename")
@JsonSubTypes({
        @JsonSubTypes.Type(LogicalErrorReport.class),
        @JsonSubTypes.Type(ValidationErrorReport.class),
        @JsonSubTypes.Type(SystemErrorReport.class),
        @JsonSubTypes.Type(PrecedingStepFailedReport.class)
})
public sealed interface FailureReportInterface permits LogicalErrorReport, ValidationErrorReport, SystemErrorReport,
        PrecedingStepFailedReport {

    @NonNull
    @Description("What went wrong, for a person to read.")
    String getMessage();
}
