package io.asyncstorefront.error;

/** The codes a GraphQL error carries in extensions.code; the README lists them with what a client can do. */
public enum ErrorCode {
    /** The HTTP request is not a GraphQL request this service reads: method, media type, JSON, operation name. */
    BAD_REQUEST,
    /** The document is not GraphQL. */
    GRAPHQL_PARSE_FAILED,
    /** The document asks for something the schema does not have. */
    GRAPHQL_VALIDATION_FAILED,
    /** An argument's value is wrong: its message names the argument and the problem. */
    BAD_USER_INPUT,
    /** A request, document or argument is larger than a configured limit, which the error names. */
    LIMIT_EXCEEDED,
    /** The idempotency key was used before with another mutation or input; the message names it. */
    IDEMPOTENCY_KEY_REUSED,
    /** This instance does not serve the request (its role); another instance does. */
    UNAVAILABLE,
    /** The service failed; the log carries the reference with the cause. */
    INTERNAL
}
