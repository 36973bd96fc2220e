package io.asyncstorefront.operation.failure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;

@Description("The command contradicts the current state, for example it names an entity that does not exist.")
@Type("LogicalErrorReport")
@JsonTypeName("LogicalErrorReport")
public final class LogicalErrorReport implements FailureReportInterface, FailureReport {

    private final String message;
    private final Integer inputIndex;

    public LogicalErrorReport(String message) {
        this(message, null);
    }

    @JsonCreator
    public LogicalErrorReport(String message, Integer inputIndex) {
        this.message = message;
        this.inputIndex = inputIndex;
    }

    @NonNull
    @Override
    public String getMessage() {
        return message;
    }

    @Description("The index of the entry in the mutation's input list that the report is about, if any.")
    public Integer getInputIndex() {
        return inputIndex;
    }
}
