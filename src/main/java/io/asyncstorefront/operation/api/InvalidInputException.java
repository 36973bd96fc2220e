package io.asyncstorefront.operation.api;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Input that no operation is recorded for. Checked, so that GraphQL shows its message to the client; the request
 * writes nothing.
 */
@ErrorCode("invalid-input")
public class InvalidInputException extends Exception {

    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
