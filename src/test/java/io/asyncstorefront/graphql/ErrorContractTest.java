package io.asyncstorefront.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;

/** Error translation alone: what the contract makes of each kind of error graphql-java and the service report. */
class ErrorContractTest {

    private static final SourceLocation AT = new SourceLocation(2, 3);

    @Test
    void aClientExceptionKeepsItsMessageCodeArgumentAndLimit() {
        GraphQLError error = ErrorContract.follow(new ExceptionWhileDataFetching(ResultPath.parse("/addProductsToCarts"),
                new ClientException(ErrorCode.LIMIT_EXCEEDED, "Too many carts", "input", 100), AT));

        assertEquals("Too many carts", error.getMessage());
        assertEquals(Map.of("code", "LIMIT_EXCEEDED", "argument", "input", "limit", 100), error.getExtensions());
        assertEquals(List.of("addProductsToCarts"), error.getPath());
        assertEquals(List.of(AT), error.getLocations());
    }

    @Test
    void anUnexpectedExceptionIsInternalWithAReferenceAndNoJavaName() {
        GraphQLError error = ErrorContract.follow(new ExceptionWhileDataFetching(ResultPath.parse("/queue"),
                new IllegalStateException("java.lang.IllegalStateException in io.asyncstorefront.Some"), AT));

        String reference = (String) error.getExtensions().get("reference");
        assertEquals("Internal error; reference " + reference, error.getMessage());
        assertEquals("INTERNAL", error.getExtensions().get("code"));
        assertFalse(error.toSpecification().toString().contains("java."));
    }

    @Test
    void aWrongTypeNamesTheArgumentAndTheValue() {
        GraphQLError error = ErrorContract.follow(ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.WrongType).sourceLocation(AT)
                .description("argument 'operationIdentifiers' with value 'IntValue{value=7}' is not a valid 'String'")
                .build());

        assertEquals("operationIdentifiers: 7 is not a valid String", error.getMessage());
        assertEquals(Map.of("code", "BAD_USER_INPUT", "argument", "operationIdentifiers"), error.getExtensions());
    }

    @Test
    void coercionMessagesNameTheGraphQLTypeNotTheJavaClass() {
        GraphQLError error = ErrorContract.follow(GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError)
                .message("Variable 'qty' has an invalid value: Expected a value that can be converted to type 'Int' "
                        + "but it was a 'BigDecimal'")
                .build());

        assertEquals("Variable 'qty' has an invalid value: Expected a value of type Int", error.getMessage());
        assertEquals(Map.of("code", "BAD_USER_INPUT"), error.getExtensions());
    }

    @Test
    void beanValidationViolationsAreListedByArgumentPath() {
        GraphQLError error = ErrorContract.follow(GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError)
                .message("validation failed").extensions(Map.of("violations", List.of(Map.of(
                        "propertyPath", List.of("addProductsToCarts", "input", "0", "items", "1", "qty"),
                        "message", "must be greater than or equal to 1"))))
                .build());

        assertEquals("input[0].items[1].qty must be greater than or equal to 1", error.getMessage());
        assertEquals(Map.of("code", "BAD_USER_INPUT", "argument", "input[0].items[1].qty", "violations",
                List.of(Map.of("argument", "input[0].items[1].qty", "message", "must be greater than or equal to 1"))),
                error.getExtensions());
    }

    @Test
    void aParseErrorKeepsItsLocationAndHasNoClassification() {
        GraphQLError error = ErrorContract.follow(GraphqlErrorBuilder.newError().errorType(ErrorType.InvalidSyntax)
                .message("Invalid syntax with offending token '}'").location(AT).build());

        assertEquals(Map.of("code", "GRAPHQL_PARSE_FAILED"), error.getExtensions());
        assertTrue(error.toSpecification().containsKey("locations"));
        assertFalse(error.toSpecification().containsKey("classification"));
    }
}
