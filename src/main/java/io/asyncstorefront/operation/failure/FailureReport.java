package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;

import io.smallrye.graphql.api.Union;

@Union
@Description("Every kind of failure report, as a union.")
public sealed interface FailureReport permits LogicalErrorReport, ValidationErrorReport, SystemErrorReport,
        PrecedingStepFailedReport {
}
