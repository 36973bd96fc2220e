package io.asyncstorefront.error;

/**
 * A failure caused by the request, answered with its message and code. Checked, so that resolvers declare it; the stack
 * trace is neither filled nor logged.
 */
public class ClientException extends Exception {

    private final ErrorCode code;
    private final String argument;
    private final Integer limit;

    public ClientException(ErrorCode code, String message, String argument, Integer limit) {
        super(message, null, false, false);
        this.code = code;
        this.argument = argument;
        this.limit = limit;
    }

    public ErrorCode code() {
        return code;
    }

    /** The argument path the problem is in, for example input[3].sku, or null. */
    public String argument() {
        return argument;
    }

    /** The limit that was exceeded, or null. */
    public Integer limit() {
        return limit;
    }
}
