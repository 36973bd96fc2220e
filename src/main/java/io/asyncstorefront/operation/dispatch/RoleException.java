package io.asyncstorefront.operation.dispatch;

import io.smallrye.graphql.api.ErrorCode;

/** A mutation sent to an instance whose role does not accept mutations. Checked, so that GraphQL shows the message. */
@ErrorCode("wrong-instance-role")
public class RoleException extends Exception {

    public RoleException(String message) {
        super(message, null, false, false);
    }
}
