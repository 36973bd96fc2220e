package io.asyncstorefront.operation.api;

import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;

/** Input that no operation is recorded for; the request writes nothing. */
public class InvalidInputException extends ClientException {

    public InvalidInputException(String message) {
        super(ErrorCode.BAD_USER_INPUT, message, null, null);
    }

    private InvalidInputException(ErrorCode code, String message, String argument, Integer limit) {
        super(code, message, argument, limit);
    }

    /** An argument with more entries than its limit. */
    public static InvalidInputException tooMany(String argument, int limit, String message) {
        return new InvalidInputException(ErrorCode.LIMIT_EXCEEDED, message, argument, limit);
    }

    /** The same problem in other words. */
    public InvalidInputException reworded(String message) {
        return new InvalidInputException(code(), message, argument(), limit());
    }

    /** The same problem, named from an enclosing argument: prefix "input[3]." or "second.add: ". */
    public InvalidInputException within(String prefix) {
        String inner = argument() == null ? null : prefix.endsWith(": ") ? argument() : prefix + argument();
        return new InvalidInputException(code(), prefix + getMessage(), inner, limit());
    }
}
