package io.asyncstorefront.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Field;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.ext.web.RoutingContext;

/**
 * Rewrites every error of an execution result to the error contract: extensions.code from ErrorCode, a message that
 * names the problem and its argument, no Java names or classifications. Unexpected failures answer INTERNAL with a
 * reference that the log carries with the stack trace. Loaded by SmallRye GraphQL as an EventingService.
 */
public class ErrorContract extends SimplePerformantInstrumentation implements EventingService {

    /** SmallRye GraphQL loads an EventingService only while its key is true; application.properties sets it. */
    static final String ENABLED = "storefront.error-contract.enabled";

    private static final Logger LOG = Logger.getLogger(ErrorContract.class);
    private static final String DROPPED = ErrorContract.class.getName() + ".dropped";
    private static final Pattern WRONG_TYPE = Pattern.compile(
            "argument '([^']*)' with value '(.*)' is not a valid '([^']*)'", Pattern.DOTALL);
    private static final Pattern SCALAR_VALUE = Pattern.compile("^\\w+Value\\{value=(.*)}$", Pattern.DOTALL);
    private static final Pattern VALIDATION_PREFIX = Pattern.compile("^Validation error \\([^)]*\\) ?: ?");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z]\\w*)");
    private static final Pattern BEYOND_LIMIT = Pattern.compile("\\d+ > (\\d+)");
    /** graphql-java's coercion names the Java class of the value it got: the GraphQL type it wanted says enough. */
    private static final Pattern JAVA_VALUE_CLASS = Pattern.compile(
            "Expected a value that can be converted to type '(\\w+)' but it was a '\\w+'");
    private static final Pattern SMALLRYE_CODE = Pattern.compile(" ?-? ?SRGQL\\d+: ?");

    @Override
    public String getConfigKey() {
        return ENABLED;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // The builder does not show its instrumentation: a GraphQL built from it does.
        return builder.instrumentation(new ChainedInstrumentation(builder.build().getInstrumentation(), this));
    }

    /**
     * SmallRye GraphQL answers null, without an error, for a field whose Uni fails with a Throwable that is neither an
     * Exception nor an Error (Vert.x's NoStackTraceThrowable); it tells this service first, which keeps the failure
     * for the result.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void errorDataFetch(Context context, Throwable failure) {
        if (failure instanceof Exception || failure instanceof Error) {
            return;
        }
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        Field field = environment.getField();
        Dropped dropped = new Dropped(environment.getExecutionStepInfo().getPath().toList(),
                field.getSourceLocation() == null ? List.of() : List.of(field.getSourceLocation()), failure);
        environment.getGraphQlContext().compute(DROPPED, (key, list) -> {
            List<Dropped> all = list == null ? new CopyOnWriteArrayList<>() : (List<Dropped>) list;
            all.add(dropped);
            return all;
        });
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        List<Dropped> dropped = parameters.getGraphQLContext().getOrDefault(DROPPED, List.of());
        if (!result.isDataPresent() && state instanceof Request request && request.http() != null) {
            GraphQLResponses.requestError(request.http());
        }
        if (result.getErrors().isEmpty() && dropped.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>();
        for (Dropped failure : dropped) {
            errors.add(internal(new ContractError("", failure.locations(), failure.path(), Map.of()), failure.cause()));
        }
        for (GraphQLError error : result.getErrors()) {
            if (error instanceof NonNullableFieldWasNullError && reportedWithin(error.getPath(), result.getErrors())) {
                // The null is the consequence of an error already reported at or below this field.
                continue;
            }
            errors.add(follow(error));
        }
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                .errors(errors).build());
    }

    /** The HTTP request of an execution, taken as it starts, on the request's own thread. */
    private record Request(RoutingContext http) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        RoutingContext http = GraphQLResponses.current();
        if (http != null) {
            // Where the resolvers find it: they may run on other threads.
            parameters.getExecutionInput().getGraphQLContext().put(HttpRequests.KEY, http);
        }
        return new Request(http);
    }

    /** Another error at or below the path, or one of the whole request (an argument that could not be read). */
    private record Dropped(List<Object> path, List<SourceLocation> locations, Throwable cause) {
    }

    private static boolean reportedWithin(List<Object> path, List<GraphQLError> errors) {
        return path != null && errors.stream().anyMatch(other -> !(other instanceof NonNullableFieldWasNullError)
                && (other.getPath() == null || other.getPath().size() >= path.size()
                        && other.getPath().subList(0, path.size()).equals(path)));
    }

    /** The error as the contract shows it. */
    static GraphQLError follow(GraphQLError error) {
        if (error instanceof ContractError) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, unwrap(fetching.getException()));
        }
        if (error.getExtensions() != null && error.getExtensions().get("violations") instanceof List<?> violations) {
            return fromViolations(error, violations);
        }
        if (error instanceof ValidationError validation) {
            if (validation.getValidationErrorType() == ValidationErrorType.WrongType) {
                return wrongType(error);
            }
            return contract(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, clean(error.getMessage()), null);
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return badFaithIntrospection(error);
        }
        if (error instanceof AbortExecutionException) {
            return contract(error, ErrorCode.LIMIT_EXCEEDED, clean(error.getMessage()), null);
        }
        if (error instanceof NonNullableFieldWasNullError) {
            return internal(error, null);
        }
        ErrorCode code = error.getErrorType() == ErrorType.InvalidSyntax ? ErrorCode.GRAPHQL_PARSE_FAILED
                : error.getErrorType() == ErrorType.ValidationError ? ErrorCode.BAD_USER_INPUT
                        : error.getErrorType() == ErrorType.OperationNotSupported ? ErrorCode.BAD_REQUEST
                                : ErrorCode.INTERNAL;
        if (code == ErrorCode.INTERNAL) {
            return internal(error, null);
        }
        return contract(error, code, clean(error.getMessage()), null);
    }

    /**
     * graphql-java's own limits on introspection (depth 20, and how often a field may recur), which the request limits
     * exempt so that the GraphQL UI works.
     */
    private static GraphQLError badFaithIntrospection(GraphQLError error) {
        Matcher beyond = BEYOND_LIMIT.matcher(error.getMessage());
        Integer limit = beyond.find() ? Integer.valueOf(beyond.group(1)) : null;
        String reason = error.getMessage().replaceFirst("^.*? - ", "");
        return new ContractError("The introspection query is larger than a client needs: " + reason, error,
                ErrorExtensions.of(ErrorCode.LIMIT_EXCEEDED).withLimit(limit));
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static GraphQLError fromException(GraphQLError error, Throwable exception) {
        if (exception instanceof ClientException client) {
            return new ContractError(client.getMessage(), error,
                    ErrorExtensions.of(client.code()).withArgument(client.argument()).withLimit(client.limit()));
        }
        return internal(error, exception);
    }

    private static GraphQLError internal(GraphQLError error, Throwable exception) {
        String reference = UUID.randomUUID().toString();
        if (exception == null) {
            LOG.errorf("Internal error %s at %s: %s", reference, error.getPath(), error.getMessage());
        } else {
            LOG.errorf(exception, "Internal error %s at %s", reference, error.getPath());
        }
        return new ContractError(internalMessage(reference), error, ErrorExtensions.internal(reference));
    }

    /** What an internal error tells the client: only where to look it up in the log. */
    static String internalMessage(String reference) {
        return "Internal error; reference " + reference;
    }

    /** Bean Validation: each violation as argument path and message, without message keys or the method's name. */
    private static GraphQLError fromViolations(GraphQLError error, List<?> violations) {
        List<Map<String, Object>> shown = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Object violation : violations) {
            if (violation instanceof Map<?, ?> attributes) {
                String argument = argumentPath(attributes.get("propertyPath"));
                String message = String.valueOf(attributes.get("message"));
                shown.add(Map.of("argument", argument, "message", message));
                messages.add(argument + " " + message);
            }
        }
        return new ContractError(String.join("; ", messages), error, ErrorExtensions.of(ErrorCode.BAD_USER_INPUT)
                .withArgument(shown.isEmpty() ? null : (String) shown.get(0).get("argument")).withViolations(shown));
    }

    /** From [method, input, 0, items, 1, qty] to input[0].items[1].qty. */
    private static String argumentPath(Object propertyPath) {
        if (!(propertyPath instanceof List<?> nodes) || nodes.size() < 2) {
            return String.valueOf(propertyPath);
        }
        StringBuilder path = new StringBuilder();
        for (Object node : nodes.subList(1, nodes.size())) {
            String name = String.valueOf(node);
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    private static GraphQLError wrongType(GraphQLError error) {
        Matcher matcher = WRONG_TYPE.matcher(error.getMessage());
        if (!matcher.find()) {
            return contract(error, ErrorCode.BAD_USER_INPUT, clean(error.getMessage()), null);
        }
        String argument = matcher.group(1);
        String type = matcher.group(3);
        Matcher scalar = SCALAR_VALUE.matcher(matcher.group(2));
        String message = type.startsWith("Unknown Scalar Type")
                ? argument + " holds a value of another type than the schema declares, for example a string where a "
                        + "number is expected"
                : argument + ": " + (scalar.matches() ? scalar.group(1) : "the value") + " is not a valid " + type;
        return contract(error, ErrorCode.BAD_USER_INPUT, message, argument);
    }

    private static GraphQLError contract(GraphQLError error, ErrorCode code, String message, String argument) {
        return new ContractError(message, error, ErrorExtensions.of(code).withArgument(argument));
    }

    /** Drops what names the implementation rather than the problem. */
    private static String clean(String message) {
        String cleaned = VALIDATION_PREFIX.matcher(message).replaceFirst("");
        cleaned = SMALLRYE_CODE.matcher(cleaned).replaceAll(": ");
        cleaned = JAVA_VALUE_CLASS.matcher(cleaned).replaceAll("Expected a value of type $1");
        return JAVA_NAME.matcher(cleaned).replaceAll("$1");
    }
}
