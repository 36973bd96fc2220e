package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("One input value is wrong; inputIndex and field say which.")
@Type("ValidationErrorReport")
@JsonTypeName("ValidationErrorReport")
public final class ValidationErrorReport implements FailureReportInterface, FailureReport {

    private final String message;
    private final Integer inputIndex;
    private final String field;

    public ValidationErrorReport(String message, Integer inputIndex, String field) {
        this.message = message;
        this.inputIndex = inputIndex;
        this.field = field;
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }

    @Description("The index of the wrong entry in the mutation's input list; null for a mutation without one.")
    public Integer getInputIndex() {
        return inputIndex;
    }

    @NonNull
    @Description("The path of the wrong value within the entry (or within the arguments), for example items[1].sku.")
    public String getField() {
        return field;
    }
}
