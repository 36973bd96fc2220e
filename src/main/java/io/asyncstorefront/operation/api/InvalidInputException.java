package io.asyncstorefront.operation.api;

import java.util.function.UnaryOperator;

import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;

/**
 * Input that no operation is recorded for; the request writes nothing. A problem of one argument keeps the argument's
 * path apart from what is wrong with it, so that a caller that asked in other terms can name its own argument.
 */
public class InvalidInputException extends ClientException {

    /** What is wrong, as said after the argument's path (" must have at least one entry"), or null. */
    private final String problem;

    /** A problem that no single argument's path names. */
    public InvalidInputException(String message) {
        this(ErrorCode.BAD_USER_INPUT, message, null, null, null);
    }

    private InvalidInputException(ErrorCode code, String message, String argument, Integer limit, String problem) {
        super(code, message, argument, limit);
        this.problem = problem;
    }

    /** A problem of the argument at the path, such as input[3].sku; the message is the path, then the problem. */
    public static InvalidInputException of(String argument, String problem) {
        return new InvalidInputException(ErrorCode.BAD_USER_INPUT, argument + problem, argument, null, problem);
    }

    /** An argument with more entries than its limit. */
    public static InvalidInputException tooMany(String argument, int limit, String problem) {
        return new InvalidInputException(ErrorCode.LIMIT_EXCEEDED, argument + problem, argument, limit, problem);
    }

    /** A limit that the argument exceeds, said in words that do not begin with its path, such as a directive's. */
    public static InvalidInputException beyondLimit(String argument, int limit, String message) {
        return new InvalidInputException(ErrorCode.LIMIT_EXCEEDED, message, argument, limit, null);
    }

    /** The same problem of the argument under another path, for a caller that names its arguments otherwise. */
    public InvalidInputException renamed(UnaryOperator<String> path) {
        if (problem == null) {
            return this;
        }
        String argument = path.apply(argument());
        return new InvalidInputException(code(), argument + problem, argument, limit(), problem);
    }

    /**
     * The same problem, named from an enclosing argument: prefix "input[3]." makes the path longer; a prefix such as
     * "second.add: " names the step of a group before the message and leaves the path as it is.
     */
    public InvalidInputException within(String prefix) {
        if (prefix.endsWith(": ")) {
            return new InvalidInputException(code(), prefix + getMessage(), argument(), limit(), null);
        }
        if (problem != null) {
            return renamed(path -> prefix + path);
        }
        return new InvalidInputException(code(), prefix + getMessage(), argument() == null ? null : prefix + argument(),
                limit(), null);
    }
}
