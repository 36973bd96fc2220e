package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One input value is wrong; field says which.")
public final class ValidationErrorReport implements FailureReportInterface, FailureReport {

    private final String message;
    private final String field;

    public ValidationErrorReport(String message, String field) {
        this.message = message;
        this.field = field;
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }

    @NonNull
    @Description("The path of the wrong value in the mutation's arguments, for example items[1].sku.")
    public String getField() {
        return field;
    }
}
