package io.asyncstorefront.operation.dispatch;

import io.asyncstorefront.graphql.ClientException;
import io.asyncstorefront.graphql.ErrorCode;

/** A mutation sent to an instance whose role does not accept mutations. */
public class RoleException extends ClientException {

    public RoleException(String message) {
        super(ErrorCode.UNAVAILABLE, message, null, null);
    }
}
